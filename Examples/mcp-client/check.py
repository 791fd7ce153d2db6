#!/usr/bin/env python3
"""Uses Parley from the official MCP Python SDK, as an assistant would: starts `parley mcp` as a stdio server, lists
its tools, runs a session, reads it back from the store, verifies the store, and makes two mistakes on purpose; runs a
tournament with progress notifications; and plays a whole session itself as the buyer through the take-part tools,
trying one move outside its mandate on the way. Prints what it saw as one JSON object (the Swift tests read it).

    python3 Examples/mcp-client/check.py PATH/TO/parley STORE.sqlite
"""
import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


def text(result):
    return "\n".join(block.text for block in result.content if getattr(block, "type", "") == "text")


async def main(parley, store):
    server = StdioServerParameters(command=parley, args=["mcp", "--store", store])
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            listed = await session.list_tools()
            run = await session.call_tool("run_session", {
                "scenario": "Examples/Scenarios/reference-supply.json", "buyer": "boulware", "seller": "conceder", "seed": 3})
            shown = await session.call_tool("show_transcript", {"session": str(run.structured_content["session"])})
            verified = await session.call_tool("verify_transcripts", {})
            strategies = await session.call_tool("list_strategies", {})
            stats = await session.call_tool("scenario_stats", {"scenario": "Examples/Scenarios/reference-supply.json"})
            unknown = await session.call_tool("run_session", {
                "scenario": "Examples/Scenarios/reference-supply.json", "buyer": "nonesuch", "seller": "conceder"})
            missing = await session.call_tool("show_transcript", {})
            progress = []

            async def on_progress(done, total, message):
                progress.append({"done": done, "total": total, "message": message})

            tournament = await session.call_tool("run_tournament", {
                "scenarios": ["Examples/Scenarios/reference-supply.json"], "agents": ["boulware", "conceder", "linear"]},
                progress_callback=on_progress)
            played = await play(session)
            print(json.dumps({
                "tools": sorted(tool.name for tool in listed.tools),
                "schemas": {tool.name: tool.input_schema for tool in listed.tools},
                "outputs": {tool.name: tool.output_schema for tool in listed.tools},
                "run": {"isError": bool(run.is_error), "structured": run.structured_content, "text": text(run)},
                "shown": text(shown),
                "verified": verified.structured_content,
                "strategies": [entry["name"] for entry in strategies.structured_content["strategies"]],
                "stats": stats.structured_content,
                "unknown": {"isError": bool(unknown.is_error), "structured": unknown.structured_content},
                "missing": {"isError": bool(missing.is_error), "structured": missing.structured_content},
                "tournament": {"isError": bool(tournament.is_error), "structured": tournament.structured_content, "text": text(tournament)},
                "progress": progress,
                "played": played,
            }))


async def play(session):
    """Plays the buyer on raw-materials-indexation against conceder: the best terms on every issue but the price, which
    rises from the lowest step by step; it accepts the seller's offer once that is worth what its own next offer is.
    On its first turn it first tries an offer far below its walk-away value, which must be refused and not played."""
    start = await session.call_tool("start_session", {
        "scenario": "Examples/Scenarios/raw-materials-indexation.json", "role": "buyer", "opponent": "conceder", "seed": 2})
    state = start.structured_content
    handle, refused, moves = state["session"], None, 0
    worst = {"price_per_tonne": 1000000, "volume_tonnes": 1000, "indexation": "lme_monthly", "contract_months": 6, "payment_days": 0}
    refusal = await session.call_tool("make_move", {"session": handle, "action": "offer", "terms": worst})
    refused = {"isError": bool(refusal.is_error), "structured": refusal.structured_content, "text": text(refusal)}
    while not state.get("ended"):
        price = min(1000000, 800000 + 5000 * moves)
        worth = 0.5 + 0.5 * (1000000 - price) / 200000
        offered = state.get("standingOfferWorthToYou")
        if offered is not None and offered >= worth:
            reply = await session.call_tool("make_move", {"session": handle, "action": "accept", "note": "agreed"})
        else:
            terms = {"price_per_tonne": price, "volume_tonnes": 100, "indexation": "fixed", "contract_months": 24, "payment_days": 90}
            reply = await session.call_tool("make_move", {"session": handle, "action": "offer", "terms": terms})
        if reply.is_error:
            return {"error": reply.structured_content, "moves": moves}
        state, moves = reply.structured_content, moves + 1
    final = await session.call_tool("session_state", {"session": handle})
    after = await session.call_tool("make_move", {"session": handle, "action": "walkAway"})
    return {"start": {"profile": start.structured_content.get("profile"), "yourTurn": start.structured_content.get("yourTurn")},
            "refused": refused, "moves": moves, "final": final.structured_content, "text": text(final),
            "afterEnd": {"isError": bool(after.is_error), "structured": after.structured_content}}


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
