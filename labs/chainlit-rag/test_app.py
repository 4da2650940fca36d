"""Checks app.py without Chainlit (it cannot be installed here): a stand-in `chainlit` module records
what the app sends to the chat, and a stand-in OpenAI-compatible server records what reaches the model."""

import asyncio
import importlib
import json
import os
import sys
import tempfile
import threading
import types
import unittest
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path


class FakeMessage:
    sent: list[str] = []

    def __init__(self, content: str = "") -> None:
        self.content = content

    async def send(self) -> None:
        FakeMessage.sent.append(self.content)


def fake_chainlit() -> types.ModuleType:
    module = types.ModuleType("chainlit")
    module.Message = FakeMessage
    module.on_chat_start = lambda handler: handler
    module.on_message = lambda handler: handler

    def make_async(function):
        async def run(*args):
            return await asyncio.to_thread(function, *args)

        return run

    module.make_async = make_async
    return module


class FakeEndpoint(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeEndpoint.requests.append({"path": self.path, "body": body})
        if body["model"] == "not-loaded":
            message = "Model not loaded: Model 'not-loaded' must be loaded before inference"
            reply, status = {"error": {"message": message, "type": "invalid_request_error", "param": None, "code": None}}, 400
        else:
            reply, status = {"choices": [{"index": 0, "message": {"role": "assistant", "content": "Pin it with foundry server start --port 5273 [1]."}}]}, 200
        data = json.dumps(reply).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class AppTest(unittest.TestCase):
    def setUp(self):
        self.server = HTTPServer(("127.0.0.1", 0), FakeEndpoint)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.docs = tempfile.TemporaryDirectory()
        Path(self.docs.name, "notes.md").write_text("## Ports\n\nFoundry Local picks a new port; pin the port.", encoding="utf-8")
        os.environ.update({"FOUNDRY_BASE_URL": f"http://127.0.0.1:{self.server.server_port}/v1", "FOUNDRY_MODEL": "Phi-4-mini-instruct-generic-cpu:5", "DOCS_DIR": self.docs.name})
        sys.modules["chainlit"] = fake_chainlit()
        sys.modules.pop("app", None)
        self.app = importlib.import_module("app")
        FakeMessage.sent.clear()
        FakeEndpoint.requests.clear()

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()
        self.docs.cleanup()
        for name in ("FOUNDRY_BASE_URL", "FOUNDRY_MODEL", "DOCS_DIR", "FOUNDRY_PORT"):
            os.environ.pop(name, None)

    def test_a_question_is_answered_from_retrieved_passages_with_sources(self):
        asyncio.run(self.app.main(FakeMessage("How do I pin the port?")))
        [request] = FakeEndpoint.requests
        self.assertEqual(request["path"], "/v1/chat/completions")
        self.assertEqual(request["body"]["model"], "Phi-4-mini-instruct-generic-cpu:5")
        self.assertIn("[1] Ports (notes.md)", request["body"]["messages"][1]["content"])
        self.assertEqual(FakeMessage.sent, ["Pin it with foundry server start --port 5273 [1].\n\n**Sources**\n[1] Ports (notes.md)"])

    def test_no_matching_passage_means_no_call_to_the_model(self):
        asyncio.run(self.app.main(FakeMessage("zebra")))
        self.assertEqual(FakeEndpoint.requests, [])
        self.assertIn("No passage", FakeMessage.sent[0])

    def test_the_port_alone_is_enough_and_a_missing_model_is_explained(self):
        os.environ.pop("FOUNDRY_BASE_URL")
        os.environ["FOUNDRY_PORT"] = "5999"
        self.assertEqual(self.app.base_url(), "http://127.0.0.1:5999")
        os.environ.pop("FOUNDRY_MODEL")
        asyncio.run(self.app.main(FakeMessage("pin the port")))
        self.assertEqual(FakeMessage.sent, ["Set FOUNDRY_MODEL to a model id from /v1/models."])

    def test_an_error_from_the_server_is_shown_with_what_it_said(self):
        os.environ["FOUNDRY_MODEL"] = "not-loaded"
        asyncio.run(self.app.main(FakeMessage("pin the port")))
        self.assertIn("answered 400", FakeMessage.sent[0])
        self.assertIn("Model not loaded", FakeMessage.sent[0])

    def test_an_unreachable_endpoint_gets_a_way_forward(self):
        os.environ["FOUNDRY_BASE_URL"] = "http://127.0.0.1:9"
        asyncio.run(self.app.main(FakeMessage("pin the port")))
        self.assertIn("could not be reached at http://127.0.0.1:9", FakeMessage.sent[0])
        self.assertIn("foundry server status", FakeMessage.sent[0])


if __name__ == "__main__":
    unittest.main()
