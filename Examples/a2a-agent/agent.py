#!/usr/bin/env python3
"""A Parley agent written with the official A2A Python SDK (a2a-sdk): an A2A 1.0 agent that declares Parley's
negotiation extension (Protocols/Spec/a2a-binding.md), which the arbiter drives like any agent:

    python3 Examples/a2a-agent/agent.py [--host 127.0.0.1] [--port 9000] [--exponent 0.2]
    parley run --scenario Examples/Scenarios/reference-supply.json --buyer conceder --seller a2a+http://127.0.0.1:9000

The negotiation itself (the rules of a session, the time-dependent strategy, the checks of every message) is the
example agent server's in Examples/python-agent/agent.py; this file is only the A2A side: one task per session, the
agent API's messages read from and written to data parts, input-required while the session is open, and a terminal
state with the agreement as an artifact when it ends.
"""
import argparse
import json
import os
import signal
import sys
import uuid

import uvicorn
from google.protobuf.json_format import MessageToDict, ParseDict
from starlette.applications import Starlette

from a2a.helpers.proto_helpers import new_task_from_user_message
from a2a.server.agent_execution import AgentExecutor, RequestContext
from a2a.server.request_handlers import DefaultRequestHandler
from a2a.server.routes import create_agent_card_routes, create_jsonrpc_routes
from a2a.server.tasks import InMemoryTaskStore, TaskUpdater
from a2a.types.a2a_pb2 import AgentCard, Message, Part, TaskState
from a2a.utils.errors import ExtensionSupportRequiredError, InvalidParamsError, TaskNotFoundError

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python-agent"))
from agent import PROTOCOL, Agent, APIError, read_message  # noqa: E402  (the example agent server's negotiation)

EXTENSION = "urn:parley:a2a:negotiation:v1"
MEDIA = {name: f"application/vnd.parley.{name}+json" for name in
         ("session-start", "session-started", "turn-request", "turn-reply", "outcome", "agreement")}
TERMINAL = {"agreement": TaskState.TASK_STATE_COMPLETED, "walkAway": TaskState.TASK_STATE_REJECTED,
            "deadline": TaskState.TASK_STATE_REJECTED}


def whole(value):
    """Protobuf's JSON carries every number as a double; the agent API's whole numbers are read back as integers."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: whole(item) for key, item in value.items()}
    if isinstance(value, list):
        return [whole(item) for item in value]
    return value


def refusal(error):
    """The A2A error of an agent API error, with Parley's code and path in its data, as the binding says."""
    data = {"code": error.code} if error.path is None else {"code": error.code, "path": error.path}
    if error.code in ("unknown_session", "not_found"):
        return TaskNotFoundError(message=error.message, data=data)
    return InvalidParamsError(message=error.message, data=data)


def data_message(data, media_type, task_id, context_id):
    return ParseDict({"messageId": str(uuid.uuid4()), "role": "ROLE_AGENT", "taskId": task_id, "contextId": context_id,
                      "parts": [{"data": data, "mediaType": media_type}], "extensions": [EXTENSION]}, Message())


class ParleyExecutor(AgentExecutor):
    """Answers each message of a task with the example agent's answer to the agent API message it carries."""

    def __init__(self, exponent):
        self.agent = Agent(exponent)
        self.keys = {}  # task id -> (session id, session key)

    async def execute(self, context: RequestContext, event_queue):
        message = context.message
        parts = [part for part in message.parts if part.HasField("data")]
        if len(parts) != 1:
            raise InvalidParamsError(message="a Parley message travels as exactly one data part")
        media_type = parts[0].media_type
        body = whole(MessageToDict(parts[0])["data"])
        try:
            parley = read_message(json.dumps(body))
        except APIError as error:
            raise refusal(error)
        updater = TaskUpdater(event_queue, context.task_id, context.context_id)
        if not context.current_task:
            if media_type != MEDIA["session-start"]:
                raise InvalidParamsError(message="a task starts with a session start")
            try:
                _, key = self.agent.start(parley)
            except APIError as error:
                raise refusal(error)
            self.keys[context.task_id] = (parley["sessionID"], key)
            started = {"protocol": PROTOCOL, "sessionID": parley["sessionID"], "sessionKey": key}
            await event_queue.enqueue_event(new_task_from_user_message(message))
            await updater.requires_input(data_message(started, MEDIA["session-started"], context.task_id, context.context_id))
            return
        session_id, key = self.keys.get(context.task_id, (None, None))
        if session_id is None or (MessageToDict(message).get("metadata") or {}).get("parleySessionKey") != key:
            raise TaskNotFoundError(message="no such task for this session key", data={"code": "unknown_session"})
        try:
            session = self.agent.session(session_id, key)
            if media_type == MEDIA["turn-request"]:
                reply = session.turn(parley)
                await updater.requires_input(data_message(reply, MEDIA["turn-reply"], context.task_id, context.context_id))
            elif media_type == MEDIA["outcome"]:
                session.ended = True
                outcome = parley["outcome"]
                if outcome["type"] == "agreement":
                    await updater.add_artifact([ParseDict({"data": outcome["agreement"], "mediaType": MEDIA["agreement"]}, Part())],
                                               artifact_id="agreement", name="agreement")
                state = TERMINAL.get(outcome["type"], TaskState.TASK_STATE_FAILED)
                await updater.update_status(state, data_message(parley, MEDIA["outcome"], context.task_id, context.context_id))
            else:
                raise InvalidParamsError(message=f"'{media_type}' is not a Parley message")
        except APIError as error:
            raise refusal(error)

    def admits(self, message):
        """Whether a message to an existing task carries that task's session key: checked before the SDK runs the task,
        since an error raised while it runs fails the task, and another client's message must not end a session."""
        _, key = self.keys.get(message.task_id, (None, None))
        return key is not None and (MessageToDict(message).get("metadata") or {}).get("parleySessionKey") == key

    async def cancel(self, context: RequestContext, event_queue):
        updater = TaskUpdater(event_queue, context.task_id, context.context_id)
        await updater.cancel()


class ParleyRequestHandler(DefaultRequestHandler):
    """The SDK's request handler, refusing a message that does not name the extension, or that goes to a task without its
    session key, before the task runs."""

    def __init__(self, executor, **arguments):
        super().__init__(agent_executor=executor, **arguments)
        self.executor = executor

    async def on_message_send(self, params, context):
        if EXTENSION not in set(params.message.extensions) | context.requested_extensions:
            raise ExtensionSupportRequiredError(message=f"this agent requires the Parley negotiation extension {EXTENSION}")
        if params.message.task_id and not self.executor.admits(params.message):
            raise TaskNotFoundError(message="no such task for this session key", data={"code": "unknown_session"})
        return await super().on_message_send(params, context)


def main():
    parser = argparse.ArgumentParser(description="A Parley agent on the official A2A Python SDK.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--exponent", type=float, default=0.2, help="concession exponent: below 1 concedes late")
    arguments = parser.parse_args()
    import socket
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((arguments.host, arguments.port))
    port = listener.getsockname()[1]
    base = f"http://{arguments.host}:{port}"
    card = ParseDict({
        "name": f"python-a2a-boulware:e={arguments.exponent}", "version": "1.0.0",
        "description": "A time-dependent negotiator written with the official A2A Python SDK, speaking Parley's negotiation extension.",
        "supportedInterfaces": [{"url": base + "/a2a", "protocolBinding": "JSONRPC", "protocolVersion": "1.0"}],
        "capabilities": {"streaming": False, "pushNotifications": False, "extensions": [
            {"uri": EXTENSION, "description": "Parley negotiation", "required": True, "params": {"protocol": PROTOCOL, "needsProfile": True}}]},
        "defaultInputModes": [MEDIA["session-start"], MEDIA["turn-request"], MEDIA["outcome"]],
        "defaultOutputModes": [MEDIA["session-started"], MEDIA["turn-reply"], MEDIA["outcome"]],
        "skills": [{"id": "negotiate", "name": "Negotiate a deal", "description": "Alternating offers under Parley's rules.",
                    "tags": ["negotiation"]}],
    }, AgentCard())
    handler = ParleyRequestHandler(ParleyExecutor(arguments.exponent), task_store=InMemoryTaskStore(), agent_card=card)
    app = Starlette(routes=create_agent_card_routes(card) + create_jsonrpc_routes(handler, "/a2a"))
    print(f"Serving {card.name} on {base} (A2A 1.0, {EXTENSION}); stop with Ctrl-C", flush=True)
    # Stop on SIGTERM as on Ctrl-C, even when started by a process that blocks signals (children inherit the mask).
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    config = uvicorn.Config(app, log_level="warning")
    uvicorn.Server(config).run(sockets=[listener])
    return 0


if __name__ == "__main__":
    sys.exit(main())
