"""`dateline fetch urls.txt`: pages from a list of URLs are stored like files; private addresses need consent."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dateline.cli import main
from dateline.store import Store

PAGE = b"""<!doctype html><html><head><title>Shelling hits Jarablus market</title>
<meta property="article:published_time" content="2016-09-04"></head><body><article>
<h1>Shelling hits Jarablus market</h1><p>By Staff Reporter</p>
<p>JARABLUS - Shells struck the main market of Jarablus on Saturday, killing four civilians and wounding
eleven, a local council official said. The shelling came from positions south of the town.</p>
<p>Shopkeepers said most stalls had reopened only a week earlier after months of closure.</p>
</article></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/story":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def cli(*args: str) -> int:
    try:
        main(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_fetched_pages_are_stored_and_a_missing_page_fails_alone(server, tmp_path, capsys):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# two pages\n{server}/story\n{server}/missing\n")
    db = str(tmp_path / "c.sqlite")
    assert cli("fetch", str(urls), "--db", db, "--allow-private") == 4
    captured = capsys.readouterr()
    assert "1 added" in captured.out and "/missing" in captured.err
    with Store.open(db, readonly=True) as store:
        (doc,) = list(store.iter_documents())
        assert doc.title == "Shelling hits Jarablus market" and doc.url == f"{server}/story"
        assert doc.published.iso == "2016-09-04"


def test_loopback_is_refused_without_consent(server, tmp_path, capsys):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server}/story\n")
    db = str(tmp_path / "c.sqlite")
    assert cli("fetch", str(urls), "--db", db) == 4
    assert "refused" in capsys.readouterr().err
    with Store.open(db, readonly=True) as store:
        assert store.count_documents() == 0
