// Typed wrappers around libcurl's variadic setters and getters, which Swift cannot call directly.
#ifndef PARLEY_CCURL_SHIM_H
#define PARLEY_CCURL_SHIM_H

#include <curl/curl.h>

typedef size_t (*parley_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode parley_curl_easy_set_long(CURL *easy, CURLoption option, long value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode parley_curl_easy_set_off(CURL *easy, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode parley_curl_easy_set_string(CURL *easy, CURLoption option, const char *value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode parley_curl_easy_set_pointer(CURL *easy, CURLoption option, void *value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode parley_curl_easy_set_slist(CURL *easy, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode parley_curl_easy_set_callback(CURL *easy, CURLoption option, parley_curl_data_callback value) {
    return curl_easy_setopt(easy, option, value);
}

static inline CURLcode parley_curl_easy_get_long(CURL *easy, CURLINFO info, long *value) {
    return curl_easy_getinfo(easy, info, value);
}

static inline CURLcode parley_curl_easy_get_pointer(CURL *easy, CURLINFO info, void **value) {
    return curl_easy_getinfo(easy, info, value);
}

static inline CURLMcode parley_curl_multi_set_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

/// The easy handle and result of a finished transfer, read out of CURLMsg's union.
static inline CURLcode parley_curl_message_result(const CURLMsg *message) {
    return message->data.result;
}

#endif
