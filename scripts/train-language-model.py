"""Trains the course's own tiny chat model and writes it in the Hugging Face Hub's layout for transformers.js.

What it is: a toy. A Llama-shaped decoder (RMSNorm, rotary positions, grouped-query attention, SwiGLU, tied
embeddings: the architecture of SmolLM2), about 0.9 M parameters, with a byte-level BPE tokenizer and a
ChatML chat template, trained for a few minutes on the course's own lesson text in English, Bulgarian and
Arabic (src/content/sessions). It shows the mechanics of a language model in the browser (tokens, sampling,
the KV cache, speed); it knows nothing beyond the lesson and writes plausible-looking course prose, not answers.

Data: every paragraph of every lesson section (split at '## ' headings), MDX markup stripped; every tenth
paragraph is held out and never trained on, and the held-out perplexity in the model card is measured on
those. Fixed seeds; CPU.

Why Python: as for the digit model (scripts/train-digit-model.py), PyTorch from Debian (python3-torch,
python3-onnx, python3-regex) is the only trainer that installs here; transformers.js then runs the result.
Install libopenblas0-pthread too: Debian's default reference BLAS makes training twenty times slower.

Writes public/models/course-tiny-chat/ (config.json, generation_config.json, tokenizer.json,
tokenizer_config.json, onnx/model.onnx, README.md) and src/data/tiny-model-card.json.
"""
import collections
import glob
import json
import math
import os
import random
import re
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # torch already uses every core; nested BLAS threads only fight it
import regex
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LESSONS = sorted(glob.glob(os.path.join(ROOT, "src", "content", "sessions", "*", "*", "*.mdx")))
MODEL_DIR = os.path.join(ROOT, "public", "models", "course-tiny-chat")
CARD_PATH = os.path.join(ROOT, "src", "data", "tiny-model-card.json")

SEED = 20261201
VOCAB_SIZE = 1024
SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
HIDDEN, LAYERS, HEADS, KV_HEADS, INTERMEDIATE = 128, 4, 4, 2, 352
HEAD_DIM = HIDDEN // HEADS
CONTEXT = 256
STEPS = int(os.environ.get("STEPS", "800"))
BATCH, SEQUENCE = 16, 128
LEARNING_RATE = 3e-3
# GPT-2's pre-tokenizer pattern, as Hugging Face's ByteLevel pre-tokenizer applies it.
PRETOKENIZE = regex.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")
CHAT_TEMPLATE = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


def byte_alphabet():
    """GPT-2's map from bytes to printable characters, which byte-level BPE vocabularies are written in."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    chars, extra = printable[:], 0
    for byte in range(256):
        if byte not in printable:
            printable.append(byte)
            chars.append(256 + extra)
            extra += 1
    return {byte: chr(char) for byte, char in zip(printable, chars)}


BYTES = byte_alphabet()


def lesson_sections():
    """(heading, prose) for every '## ' section of every lesson, MDX components, imports and comments removed."""
    sections = []
    for path in LESSONS:
        text = open(path, encoding="utf-8").read()
        text = re.sub(r"\A---.*?\n---\n", "", text, flags=re.S)
        text = re.sub(r"\{/\*.*?\*/\}", "", text, flags=re.S)
        lines = [line for line in text.splitlines() if not re.match(r"\s*(</?[A-Z][^>]*>|import |export )", line)]
        for block in re.split(r"^## ", "\n".join(lines), flags=re.M)[1:]:
            heading, _, body = block.partition("\n")
            body = re.sub(r"\n{3,}", "\n\n", body).strip()
            if body:
                sections.append((heading.strip(), body))
    return sections


def words(text):
    return ["".join(BYTES[b] for b in piece.encode("utf-8")) for piece in PRETOKENIZE.findall(text)]


def train_bpe(texts, merges_wanted):
    """Byte-level BPE: start from the 256 byte symbols, merge the most frequent adjacent pair until the vocabulary is full."""
    counts = collections.Counter(word for text in texts for word in words(text))
    pieces = {word: list(word) for word in counts}
    merges = []
    for _ in range(merges_wanted):
        pairs = collections.Counter()
        for word, count in counts.items():
            symbols = pieces[word]
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] += count
        if not pairs:
            break
        best = max(pairs.items(), key=lambda item: (item[1], item[0]))[0]
        merges.append(best)
        for word in counts:
            symbols, merged, i = pieces[word], [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                    merged.append(symbols[i] + symbols[i + 1]); i += 2
                else:
                    merged.append(symbols[i]); i += 1
            pieces[word] = merged
    return merges


class Tokenizer:
    def __init__(self, merges):
        self.vocab = {token: index for index, token in enumerate(SPECIALS)}
        for char in BYTES.values():
            self.vocab[char] = len(self.vocab)
        for left, right in merges:
            self.vocab.setdefault(left + right, len(self.vocab))
        self.ranks = {pair: rank for rank, pair in enumerate(merges)}
        self.merges = merges

    def encode_word(self, word):
        symbols = list(word)
        while len(symbols) > 1:
            ranked = [(self.ranks.get(pair, math.inf), i) for i, pair in enumerate(zip(symbols, symbols[1:]))]
            rank, i = min(ranked)
            if rank == math.inf:
                break
            symbols[i:i + 2] = [symbols[i] + symbols[i + 1]]
        return [self.vocab[symbol] for symbol in symbols]

    def encode(self, text):
        """Text with the special tokens spelt out in it, as a chat template writes them."""
        ids = []
        for part in re.split("(" + "|".join(re.escape(s) for s in SPECIALS) + ")", text):
            if part in SPECIALS:
                ids.append(self.vocab[part])
            elif part:
                for word in words(part):
                    ids.extend(self.encode_word(word))
        return ids

    def json(self):
        added = [{"id": i, "content": s, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True} for i, s in enumerate(SPECIALS)]
        byte_level = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}
        return {
            "version": "1.0", "truncation": None, "padding": None, "added_tokens": added, "normalizer": None,
            "pre_tokenizer": byte_level, "post_processor": byte_level, "decoder": byte_level,
            "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None, "end_of_word_suffix": None,
                      "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                      "vocab": self.vocab, "merges": [[left, right] for left, right in self.merges]},
        }


def chat(user, assistant):
    return f"<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n{assistant}<|im_end|>\n"


class RMSNorm(nn.Module):
    def __init__(self, size):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(size))

    def forward(self, x):
        return self.weight * x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-5)


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.attention_norm, self.mlp_norm = RMSNorm(HIDDEN), RMSNorm(HIDDEN)
        self.q, self.k = nn.Linear(HIDDEN, HEADS * HEAD_DIM, bias=False), nn.Linear(HIDDEN, KV_HEADS * HEAD_DIM, bias=False)
        self.v, self.o = nn.Linear(HIDDEN, KV_HEADS * HEAD_DIM, bias=False), nn.Linear(HEADS * HEAD_DIM, HIDDEN, bias=False)
        self.gate, self.up = nn.Linear(HIDDEN, INTERMEDIATE, bias=False), nn.Linear(HIDDEN, INTERMEDIATE, bias=False)
        self.down = nn.Linear(INTERMEDIATE, HIDDEN, bias=False)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x, cos, sin, mask, past_key, past_value):
        batch, length, _ = x.shape
        h = self.attention_norm(x)
        q = self.q(h).view(batch, length, HEADS, HEAD_DIM).transpose(1, 2)
        k = self.k(h).view(batch, length, KV_HEADS, HEAD_DIM).transpose(1, 2)
        v = self.v(h).view(batch, length, KV_HEADS, HEAD_DIM).transpose(1, 2)
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        k, v = torch.cat([past_key, k], dim=2), torch.cat([past_value, v], dim=2)
        total = k.shape[2]
        repeat = HEADS // KV_HEADS
        k_all = k[:, :, None].expand(batch, KV_HEADS, repeat, total, HEAD_DIM).reshape(batch, HEADS, total, HEAD_DIM)
        v_all = v[:, :, None].expand(batch, KV_HEADS, repeat, total, HEAD_DIM).reshape(batch, HEADS, total, HEAD_DIM)
        scores = (q @ k_all.transpose(-1, -2)) / math.sqrt(HEAD_DIM)
        scores = scores.masked_fill(~mask, -1e9)
        attended = (self.dropout(scores.softmax(-1)) @ v_all).transpose(1, 2).reshape(batch, length, HEADS * HEAD_DIM)
        x = x + self.dropout(self.o(attended))
        h = self.mlp_norm(x)
        return x + self.dropout(self.down(F.silu(self.gate(h)) * self.up(h))), k, v


class TinyLlama(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB_SIZE, HIDDEN)
        self.blocks = nn.ModuleList(Block() for _ in range(LAYERS))
        self.norm = RMSNorm(HIDDEN)
        inverse = 1.0 / (10000 ** (torch.arange(0, HEAD_DIM, 2).float() / HEAD_DIM))
        self.register_buffer("inverse_frequency", inverse, persistent=False)
        nn.init.normal_(self.embed.weight, std=0.02)

    def forward(self, input_ids, attention_mask, position_ids, past):
        """past: [key_0, value_0, key_1, ...], each [batch, kv_heads, past_length, head_dim]; returns logits and the new cache."""
        length = input_ids.shape[1]
        total = attention_mask.shape[1]
        frequencies = position_ids[:, :, None].float() * self.inverse_frequency[None, None, :]
        angles = torch.cat([frequencies, frequencies], dim=-1)[:, None]
        cos, sin = angles.cos(), angles.sin()
        causal = torch.arange(total)[None, :] <= (torch.arange(length)[:, None] + (total - length))
        mask = causal[None, None] & attention_mask[:, None, None, :].bool()
        x = self.embed(input_ids)
        present = []
        for index, block in enumerate(self.blocks):
            x, k, v = block(x, cos, sin, mask, past[2 * index], past[2 * index + 1])
            present += [k, v]
        return self.norm(x) @ self.embed.weight.T, present


class ExportWrapper(nn.Module):
    """The interface transformers.js feeds a decoder: input_ids, attention_mask, position_ids, past_key_values.N.key/value."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, position_ids, *past):
        logits, present = self.model(input_ids, attention_mask, position_ids, list(past))
        return (logits, *present)


def empty_past(batch):
    return [torch.zeros(batch, KV_HEADS, 0, HEAD_DIM) for _ in range(2 * LAYERS)]


def loss_on(model, ids):
    inputs, targets = ids[:, :-1], ids[:, 1:]
    batch, length = inputs.shape
    positions = torch.arange(length)[None].expand(batch, length)
    logits, _ = model(inputs, torch.ones_like(inputs), positions, empty_past(batch))
    return F.cross_entropy(logits.reshape(-1, VOCAB_SIZE), targets.reshape(-1))


def held_out_perplexity(model, ids):
    model.eval()
    losses, count = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(ids) - 1, SEQUENCE):
            window = torch.tensor(ids[start:start + SEQUENCE + 1])[None]
            if window.shape[1] < 2:
                continue
            losses += loss_on(model, window).item() * (window.shape[1] - 1)
            count += window.shape[1] - 1
    model.train()
    return math.exp(losses / count), count


def main():
    random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    # Paragraphs, each with its section's heading: every tenth paragraph is held out.
    paragraphs = [(heading, paragraph.strip()) for heading, body in lesson_sections() for paragraph in re.split(r"\n\n+", body) if paragraph.strip()]
    held = [paragraph for index, paragraph in enumerate(paragraphs) if index % 10 == 9]
    train = [paragraph for index, paragraph in enumerate(paragraphs) if index % 10 != 9]
    merges = train_bpe([body for _, body in train], VOCAB_SIZE - len(SPECIALS) - 256)
    tokenizer = Tokenizer(merges)
    # The model reads each section as prose and as an answer to its heading, so it learns the chat template's shape.
    documents = [body + "<|endoftext|>" for _, body in train] + [chat(heading, body[:400]) + "<|endoftext|>" for heading, body in train if len(body) > 80]
    random.shuffle(documents)
    train_ids = [token for document in documents for token in tokenizer.encode(document)]
    held_text = "".join(body + "<|endoftext|>" for _, body in held)
    held_ids = tokenizer.encode(held_text)

    model = TinyLlama()
    parameters = sum(p.numel() for p in model.parameters())
    optimizer = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.1)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=LEARNING_RATE, total_steps=STEPS, pct_start=0.1)
    data = torch.tensor(train_ids)
    started = time.time()
    for step in range(STEPS):
        starts = torch.randint(0, len(data) - SEQUENCE - 1, (BATCH,))
        batch = torch.stack([data[s:s + SEQUENCE + 1] for s in starts])
        loss = loss_on(model, batch)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        if step % 100 == 0 or step == STEPS - 1:
            print(f"step {step}: loss {loss.item():.3f} ({time.time() - started:.0f} s)", flush=True)
    train_seconds = time.time() - started
    perplexity, held_tokens = held_out_perplexity(model, held_ids)
    print(f"held-out perplexity {perplexity:.1f} over {held_tokens} tokens")

    model.eval()
    os.makedirs(os.path.join(MODEL_DIR, "onnx"), exist_ok=True)
    onnx_path = os.path.join(MODEL_DIR, "onnx", "model.onnx")
    past_names = [f"past_key_values.{i}.{kind}" for i in range(LAYERS) for kind in ("key", "value")]
    present_names = [f"present.{i}.{kind}" for i in range(LAYERS) for kind in ("key", "value")]
    dummy = (torch.tensor([[5, 6]]), torch.ones(1, 5, dtype=torch.long), torch.tensor([[3, 4]]),
             *[torch.zeros(1, KV_HEADS, 3, HEAD_DIM) for _ in past_names])
    axes = {"input_ids": {0: "batch_size", 1: "sequence_length"}, "attention_mask": {0: "batch_size", 1: "total_sequence_length"},
            "position_ids": {0: "batch_size", 1: "sequence_length"}, "logits": {0: "batch_size", 1: "sequence_length"}}
    axes.update({name: {0: "batch_size", 2: "past_sequence_length"} for name in past_names})
    axes.update({name: {0: "batch_size", 2: "total_sequence_length"} for name in present_names})
    torch.onnx.export(ExportWrapper(model), dummy, onnx_path, opset_version=14, do_constant_folding=True,
                      input_names=["input_ids", "attention_mask", "position_ids", *past_names],
                      output_names=["logits", *present_names], dynamic_axes=axes)

    config = {
        "architectures": ["LlamaForCausalLM"], "model_type": "llama", "vocab_size": VOCAB_SIZE, "hidden_size": HIDDEN,
        "intermediate_size": INTERMEDIATE, "num_hidden_layers": LAYERS, "num_attention_heads": HEADS,
        "num_key_value_heads": KV_HEADS, "head_dim": HEAD_DIM, "max_position_embeddings": CONTEXT, "rms_norm_eps": 1e-5,
        "rope_theta": 10000.0, "tie_word_embeddings": True, "hidden_act": "silu", "bos_token_id": 0,
        "eos_token_id": 2, "pad_token_id": 0, "torch_dtype": "float32", "transformers.js_config": {"dtype": "fp32"},
    }
    generation = {"bos_token_id": 0, "eos_token_id": [2, 0], "pad_token_id": 0, "max_length": CONTEXT}
    tokenizer_config = {
        "tokenizer_class": "GPT2Tokenizer", "bos_token": None, "eos_token": "<|im_end|>", "pad_token": "<|endoftext|>",
        "unk_token": None, "add_bos_token": False, "add_prefix_space": False, "clean_up_tokenization_spaces": False,
        "model_max_length": CONTEXT, "chat_template": CHAT_TEMPLATE,
    }
    write_json = lambda name, value: json.dump(value, open(os.path.join(MODEL_DIR, name), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    write_json("config.json", config)
    write_json("generation_config.json", generation)
    write_json("tokenizer_config.json", tokenizer_config)
    json.dump(tokenizer.json(), open(os.path.join(MODEL_DIR, "tokenizer.json"), "w", encoding="utf-8"), ensure_ascii=False)

    card = {
        "id": "course-tiny-chat", "architecture": "Llama (RMSNorm, rotary positions, grouped-query attention, SwiGLU)",
        "parameters": parameters, "layers": LAYERS, "hidden": HIDDEN, "heads": HEADS, "kvHeads": KV_HEADS, "vocabulary": VOCAB_SIZE,
        "context": CONTEXT, "dtype": "fp32", "onnxBytes": os.path.getsize(onnx_path),
        "trainedOn": {"lessons": [os.path.relpath(path, ROOT) for path in LESSONS], "paragraphs": len(train), "tokens": len(train_ids)},
        "heldOut": {"paragraphs": len(held), "tokens": held_tokens, "perplexity": round(perplexity, 2)},
        "steps": STEPS, "trainSeconds": round(train_seconds), "seed": SEED,
        "charactersPerToken": round(len(held_text) / len(held_ids), 2),
    }
    json.dump(card, open(CARD_PATH, "w", encoding="utf-8"), indent=2)
    open(os.path.join(MODEL_DIR, "README.md"), "w", encoding="utf-8").write(
        "# course-tiny-chat\n\n"
        "A toy language model built by `npm run model:train-chat` (scripts/train-language-model.py) from this course's own lesson text.\n"
        "It shows how a language model runs in the browser (tokens, sampling, the KV cache, speed). It is not a useful assistant:\n"
        "it writes course-flavoured text and knows nothing else.\n\n"
        f"- Architecture: {card['architecture']}; {parameters:,} parameters; {LAYERS} layers, hidden size {HIDDEN}, {HEADS} heads ({KV_HEADS} key/value heads)\n"
        f"- Tokenizer: byte-level BPE, {VOCAB_SIZE} tokens, ChatML chat template; {card['charactersPerToken']} characters per token on held-out text\n"
        f"- Weights: fp32 ONNX, {card['onnxBytes']:,} bytes\n"
        f"- Trained on {len(train)} lesson paragraphs ({len(train_ids):,} tokens) for {STEPS} steps in {card['trainSeconds']} s on a CPU\n"
        f"- Held-out perplexity: {perplexity:.2f} over {held_tokens:,} tokens from {len(held)} paragraphs never trained on\n"
    )
    print(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
