#!/usr/bin/env python3
"""Negotiates with a Parley agent served over A2A (`parley serve --a2a`) from the official A2A Python SDK (a2a-sdk),
as another agent ecosystem would: resolves the agent card, starts a session as one task, plays the buyer's side of
Examples/Scenarios/reference-supply.json turn by turn (a simple linear concession on price), reports the outcome,
reads the task back, and makes three mistakes on purpose. Prints what it saw as one JSON object (the Swift tests
read it).

    python3 Examples/a2a-client/check.py http://127.0.0.1:PORT [TOKEN]
"""
import asyncio
import json
import sys
import uuid

import httpx
from google.protobuf.json_format import MessageToDict, ParseDict

from a2a.client import ClientConfig, create_client
from a2a.types.a2a_pb2 import CancelTaskRequest, GetTaskRequest, Message, SendMessageRequest

EXTENSION = "urn:parley:a2a:negotiation:v1"
START, TURN, OUTCOME = ("application/vnd.parley.session-start+json", "application/vnd.parley.turn-request+json",
                        "application/vnd.parley.outcome+json")


def message(data, media_type, task=None, key=None, extensions=(EXTENSION,)):
    fields = {"messageId": str(uuid.uuid4()), "role": "ROLE_USER", "parts": [{"data": data, "mediaType": media_type}],
              "extensions": list(extensions)}
    if task:
        fields["taskId"] = task
    if key:
        fields["metadata"] = {"parleySessionKey": key}
    return SendMessageRequest(message=ParseDict(fields, Message()))


async def send(client, request):
    async for event in client.send_message(request):
        return MessageToDict(event.task)


def reply_data(task):
    return task["status"]["message"]["parts"][0]["data"]


async def main(url, token):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with httpx.AsyncClient(headers=headers, timeout=30) as http:
        client = await create_client(url, ClientConfig(streaming=False, httpx_client=http))
        card = (await http.get(url + "/.well-known/agent-card.json")).json()
        with open("Examples/Scenarios/reference-supply.json") as file:
            scenario = json.load(file)
        profiles = scenario.pop("profiles")
        scenario.pop("protocol")
        session = "s-a2a-" + uuid.uuid4().hex[:12]
        start = {"protocol": "parley/1", "sessionID": session, "scenario": scenario, "role": "seller",
                 "profile": profiles["seller"], "seed": "7"}
        task = await send(client, message(start, START))
        states, task_id = [task["status"]["state"]], task["id"]
        key = reply_data(task)["sessionKey"]
        repeated = await send(client, message(start, START))

        # The buyer opens at the lowest price and concedes linearly; it accepts an offer at or below its target.
        price = {"min": 10000, "max": 19900, "step": 100}
        rounds, turn, last, outcome = scenario["deadline"]["rounds"], 1, None, None
        for round_number in range(1, rounds + 1):
            target = price["min"] + (price["max"] - price["min"]) * round_number // rounds // price["step"] * price["step"]
            if last and last["type"] == "offer" and last["terms"]["price"] <= target:
                outcome = {"type": "agreement", "agreement": {"proposer": "seller", "terms": last["terms"], "turns": turn}}
                break
            action = {"type": "offer", "terms": {"price": target, "quantity": 50, "delivery_days": 5}}
            request = {"protocol": "parley/1", "sessionID": session, "turn": turn + 1, "opponentAction": action,
                       "elapsed": 0.01 * turn, "round": round_number}
            task = await send(client, message(request, TURN, task_id, key))
            states.append(task["status"]["state"])
            reply = reply_data(task)
            last, turn = reply["action"], turn + 2
            if last["type"] == "accept":
                outcome = {"type": "agreement", "agreement": {"proposer": "buyer", "terms": action["terms"], "turns": turn - 1}}
                break
            if last["type"] == "walkAway":
                outcome = {"type": "walkAway", "by": "seller"}
                break
        outcome = outcome or {"type": "deadline"}
        ended = await send(client, message({"protocol": "parley/1", "sessionID": session, "outcome": outcome}, OUTCOME,
                                           task_id, key))
        fetched = MessageToDict(await client.get_task(GetTaskRequest(id=task_id)))

        mistakes = {}
        for name, request in [
            ("wrongKey", message({"protocol": "parley/1", "sessionID": session, "turn": 2, "elapsed": 0}, TURN, task_id, "nope")),
            ("noExtension", message(start, START, extensions=())),
            ("afterEnd", message({"protocol": "parley/1", "sessionID": session, "turn": turn + 1, "elapsed": 1}, TURN, task_id, key)),
        ]:
            try:
                await send(client, request)
                mistakes[name] = None
            except Exception as error:  # the SDK raises its own error type for each A2A error code
                mistakes[name] = f"{type(error).__name__}: {error}"
        try:
            await client.cancel_task(CancelTaskRequest(id=task_id, metadata={"parleySessionKey": key}))
            mistakes["cancelEnded"] = None
        except Exception as error:
            mistakes["cancelEnded"] = f"{type(error).__name__}: {error}"
        print(json.dumps({
            "card": card, "taskId": task_id, "repeatedStartTaskId": repeated["id"], "states": states,
            "outcome": outcome, "final": ended["status"]["state"], "artifacts": ended.get("artifacts", []),
            "fetched": fetched["status"]["state"], "turns": turn, "mistakes": mistakes,
        }))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
