"""A local stand-in for the Zotero web API (and, without a key, its local API) on 127.0.0.1.

Like the real one it keeps a library version and item versions, answers 412 to a write with a stale
version, refuses more than 50 items a write, paginates (``start``/``limit``, ``Total-Results``), can send
``Backoff``, and records every request's headers so tests can check that the key never travels elsewhere.
``before_write`` lets a test edit an item in "Zotero" between rltaxo's diff and its write.
"""

from __future__ import annotations

import copy
import json
import threading
import urllib.parse
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any

from .local_http import LocalHTTPServer, reply

KEY = "zk-test-SECRET-0123456789"


def made_up_library(n: int = 300) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(items, collections): papers with and without abstracts, a few duplicates, child notes and
    attachments, an untitled item, items in two collections."""
    topics = [
        ("Reward functions written by language models for robot {i}",
         "We prompt a large language model to write reward code; robots learn walking with reinforcement learning."),
        ("Preference fine-tuning of chat model {i}",
         "Annotators rank answers; a reward model trained on their rankings fine-tunes the chat model with PPO."),
        ("Sorting socks, study {i}", "A laundry heuristic pairs socks by colour; nothing is learned."),
    ]  # fmt: skip
    items: dict[str, dict[str, Any]] = {}
    collections = {
        "COLLRL01": {"key": "COLLRL01", "version": 1, "data": {"key": "COLLRL01", "name": "RL papers"}},
        "COLLOTH2": {"key": "COLLOTH2", "version": 1, "data": {"key": "COLLOTH2", "name": "Other"}},
    }
    for i in range(n):
        key = f"ITEM{i:04d}"
        title, abstract = topics[i % 3]
        data: dict[str, Any] = {
            "key": key, "version": 1, "itemType": "journalArticle", "title": title.format(i=i),
            "abstractNote": abstract if i % 6 else "", "creators": [{"creatorType": "author", "firstName": "Jane",
            "lastName": f"Doe{i}"}], "date": "2031", "DOI": f"10.5555/z.{i}" if i % 6 == 0 else "",
            "publicationTitle": "Journal of Made-up Results", "tags": [{"tag": "to-read"}] if i % 2 else [],
            "collections": ["COLLRL01"] if i % 3 != 2 else ["COLLOTH2"], "extra": "",
        }  # fmt: skip
        items[key] = {"key": key, "version": 1, "data": data}
    for i in range(0, n, 25):  # child notes and attachments: not papers
        for kind in ("note", "attachment"):
            key = f"{kind[:4].upper()}{i:04d}"
            items[key] = {"key": key, "version": 1, "data": {"key": key, "version": 1, "itemType": kind,
                          "parentItem": f"ITEM{i:04d}", "tags": [], "collections": []}}  # fmt: skip
            if kind == "attachment":
                items[key]["data"] |= {"contentType": "application/pdf", "linkMode": "imported_file",
                                       "filename": f"Doe - 2031 - Paper {i}.pdf"}  # fmt: skip
    dup = copy.deepcopy(items["ITEM0001"])  # the same paper entered twice, as libraries have
    dup["key"] = dup["data"]["key"] = "DUPL0001"
    items["DUPL0001"] = dup
    items["NOTITLE1"] = {"key": "NOTITLE1", "version": 1, "data": {"key": "NOTITLE1", "version": 1, "itemType":
                         "journalArticle", "title": "", "tags": [], "collections": ["COLLRL01"]}}  # fmt: skip
    return items, collections


class ZoteroServer(LocalHTTPServer):
    def __init__(self, key: str | None = KEY, n: int = 300, backoff_first: bool = False) -> None:
        self.key = key
        self.items, self.collections = made_up_library(n)
        self.version = 1
        self.requests: list[dict[str, Any]] = []
        self.writes: list[int] = []  # items per write request
        self.before_write: Callable[[ZoteroServer], None] | None = None
        self.backoff_first = backoff_first
        self.fail_write_after: int | None = None  # answer 500 to writes after this many (a push cut short)
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: Any = None, headers: dict[str, str] | None = None) -> None:
                reply(self, status, b"" if body is None else json.dumps(body).encode(), "application/json", headers)

            def _auth(self) -> bool:
                if outer.key is not None and self.headers.get("Zotero-API-Key") != outer.key:
                    self._send(403, {"error": "Forbidden"})
                    return False
                return True

            def do_GET(self) -> None:
                parts = urllib.parse.urlsplit(self.path)
                q = {k: v[0] for k, v in urllib.parse.parse_qs(parts.query).items()}
                with outer._lock:
                    outer.requests.append({"method": "GET", "path": parts.path, "headers": dict(self.headers)})
                    first = len(outer.requests) == 1
                if not self._auth():
                    return
                path = parts.path.split("/", 3)[-1]  # after /users/<id>/
                if path == "collections":
                    rows = list(outer.collections.values())
                elif path.startswith("collections/") and path.endswith("/items/top"):
                    coll = path.split("/")[1]
                    if coll not in outer.collections:
                        self._send(404, {"error": "Not found"})
                        return
                    rows = [i for i in outer.items.values() if coll in i["data"].get("collections", [])
                            and "parentItem" not in i["data"]]  # fmt: skip
                elif path in ("items/top", "items"):
                    rows = [i for i in outer.items.values() if path == "items" or "parentItem" not in i["data"]]
                    if "itemKey" in q:
                        keys = q["itemKey"].split(",")
                        rows = [outer.items[k] for k in keys if k in outer.items]
                elif path.startswith("items/") and path.endswith("/children"):
                    parent = path.split("/")[1]
                    rows = [i for i in outer.items.values() if i["data"].get("parentItem") == parent]
                elif path.startswith("items/"):
                    item = outer.items.get(path.split("/")[1])
                    self._send(200 if item else 404, item or {"error": "Not found"})
                    return
                else:
                    self._send(404, {"error": "Not found"})
                    return
                if "itemType" in q:
                    rows = [i for i in rows if i["data"].get("itemType") == q["itemType"]]
                if "tag" in q:
                    rows = [i for i in rows if any(t["tag"] == q["tag"] for t in i["data"].get("tags", []))]
                start, limit = int(q.get("start", 0)), min(int(q.get("limit", 25)), 100)
                headers = {"Total-Results": str(len(rows)), "Last-Modified-Version": str(outer.version)}
                if first and outer.backoff_first:
                    headers["Backoff"] = "1"
                self._send(200, copy.deepcopy(rows[start : start + limit]), headers)

            def do_DELETE(self) -> None:
                if self._auth():
                    outer.delete_handler(self)

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"[]")
                with outer._lock:
                    outer.requests.append({"method": "POST", "path": self.path, "headers": dict(self.headers),
                                           "body": body})  # fmt: skip
                if not self._auth():
                    return
                if len(body) > 50:
                    self._send(413, {"error": "Too many items"})
                    return
                if outer.fail_write_after is not None and len(outer.writes) >= outer.fail_write_after:
                    self._send(500, {"error": "Internal Server Error"})
                    return
                with outer._lock:
                    hook, outer.before_write = outer.before_write, None
                if hook is not None:
                    hook(outer)
                with outer._lock:
                    outer.writes.append(len(body))
                    success, failed = {}, {}
                    for idx, obj in enumerate(body):
                        if "key" not in obj:  # a new item (rltaxo's child notes)
                            outer.version += 1
                            key = f"NEW{len(outer.items):05d}"
                            outer.items[key] = {"key": key, "version": outer.version,
                                                "data": {**obj, "key": key, "version": outer.version}}  # fmt: skip
                            success[str(idx)] = key
                            continue
                        item = outer.items.get(obj.get("key"))
                        if item is None:
                            failed[str(idx)] = {"code": 404, "message": "Item not found"}
                            continue
                        if obj.get("version") != item["version"]:
                            failed[str(idx)] = {"code": 412, "message": "Item has been modified since version"}
                            continue
                        outer.version += 1
                        item["data"]["tags"] = obj["tags"]
                        item["version"] = item["data"]["version"] = outer.version
                        success[str(idx)] = obj["key"]
                self._send(200, {"success": success, "unchanged": {}, "failed": failed},
                           {"Last-Modified-Version": str(outer.version)})  # fmt: skip

        super().__init__(Handler)

    def delete_handler(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urllib.parse.urlsplit(handler.path)
        keys = urllib.parse.parse_qs(parts.query).get("itemKey", [""])[0].split(",")
        with self._lock:
            self.requests.append({"method": "DELETE", "path": parts.path, "headers": dict(handler.headers)})
            if handler.headers.get("If-Unmodified-Since-Version") != str(self.version):
                reply(handler, 412, b"", "application/json")
                return
            for k in keys:
                self.items.pop(k, None)
            self.version += 1
        reply(handler, 204, b"", "application/json", {"Last-Modified-Version": str(self.version)})

    def edit(self, key: str, **fields: Any) -> None:
        """A person edits an item in Zotero: its fields change and its version goes up."""
        with self._lock:
            self.version += 1
            item = self.items[key]
            item["data"].update(fields)
            item["version"] = item["data"]["version"] = self.version

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"
