#!/usr/bin/env python3
"""Uses Parley from the official MCP Python SDK, as an assistant would: starts `parley mcp` as a stdio server, lists
its tools, runs a session, reads it back from the store, verifies the store, and makes two mistakes on purpose.
Prints what it saw as one JSON object (the Swift tests read it).

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
            print(json.dumps({
                "tools": sorted(tool.name for tool in listed.tools),
                "schemas": {tool.name: tool.input_schema for tool in listed.tools},
                "run": {"isError": bool(run.is_error), "structured": run.structured_content, "text": text(run)},
                "shown": text(shown),
                "verified": verified.structured_content,
                "strategies": [entry["name"] for entry in strategies.structured_content["strategies"]],
                "stats": stats.structured_content,
                "unknown": {"isError": bool(unknown.is_error), "structured": unknown.structured_content},
                "missing": {"isError": bool(missing.is_error), "structured": missing.structured_content},
            }))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
