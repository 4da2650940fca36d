"""Local RAG chat: Chainlit in front of a local OpenAI-compatible endpoint (Foundry Local by default).

The documents in DOCS_DIR (./docs by default) are searched for each question; the best passages go into
the prompt and the answer cites them. The endpoint and the model id come from the environment:
FOUNDRY_BASE_URL (or FOUNDRY_PORT) and FOUNDRY_MODEL. Run: chainlit run app.py -w
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path

import chainlit as cl

from retrieval import Bm25Index, build_messages, cited, load_folder


def base_url() -> str:
    """Foundry Local's port changes between restarts unless pinned: read it, never hard-code it."""
    explicit = os.environ.get("FOUNDRY_BASE_URL")
    if explicit:
        return explicit.rstrip("/").removesuffix("/v1")
    port = os.environ.get("FOUNDRY_PORT")
    if not port:
        raise RuntimeError("Set FOUNDRY_PORT to the port `foundry server status` prints, or FOUNDRY_BASE_URL.")
    return f"http://127.0.0.1:{port}"


def model_id() -> str:
    """The HTTP API wants the full model id from /v1/models (e.g. Phi-4-mini-instruct-generic-cpu:5), not the alias."""
    model = os.environ.get("FOUNDRY_MODEL")
    if not model:
        raise RuntimeError("Set FOUNDRY_MODEL to a model id from /v1/models.")
    return model


def complete(messages: list[dict[str, str]]) -> str:
    body = json.dumps({"model": model_id(), "messages": messages, "max_tokens": 400}).encode("utf-8")
    request = urllib.request.Request(
        f"{base_url()}/v1/chat/completions",
        data=body,
        headers={"Content-Type": "application/json", "Authorization": "Bearer local-key"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        reply = json.load(response)
    choice = reply["choices"][0]
    # Foundry Local 0.8 once answered with `delta` where `message` belongs.
    return (choice.get("message") or choice.get("delta") or {}).get("content") or ""


DOCS_DIR = Path(os.environ.get("DOCS_DIR", Path(__file__).parent / "docs"))
index = Bm25Index(load_folder(DOCS_DIR))


@cl.on_chat_start
async def start() -> None:
    await cl.Message(content=f"Local RAG chat: {len(index.passages)} passages from {DOCS_DIR}. Ask a question.").send()


@cl.on_message
async def main(message: cl.Message) -> None:
    found = index.search(message.content, limit=3)
    if not found:
        await cl.Message(content="No passage in the documents matches the question. Try other words, or add a document to the docs folder.").send()
        return
    passages = [passage for passage, _score in found]
    try:
        answer = await cl.make_async(complete)(build_messages(message.content, passages))
    except RuntimeError as error:  # the environment is not set
        await cl.Message(content=str(error)).send()
        return
    except urllib.error.HTTPError as error:  # the server answered, with an error: say what it said
        detail = error.read().decode("utf-8", "replace")[:300]
        await cl.Message(content=f"The model at {base_url()} answered {error.code}: {detail}. Is {model_id()} loaded (`foundry run ...`) and an id from /v1/models?").send()
        return
    except (OSError, TimeoutError) as error:  # no answer at all: refused, reset, timed out
        await cl.Message(content=f"The model could not be reached at {base_url()}: {error}. Check `foundry server status` and FOUNDRY_PORT.").send()
        return
    except (ValueError, KeyError, IndexError) as error:  # an answer that is not an OpenAI reply
        await cl.Message(content=f"The reply from {base_url()} was not an OpenAI-compatible chat completion ({error!r}).").send()
        return
    sources = "\n".join(f"[{number}] {passages[number - 1].section} ({passages[number - 1].source})" for number in cited(answer, len(passages)))
    await cl.Message(content=f"{answer}\n\n**Sources**\n{sources}" if sources else answer).send()
