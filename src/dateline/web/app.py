"""The application factory: opens the database, wires routes, templates, static files and headers.

`create_app(db_path)` fails fast with `StoreNotFound`/`StoreCorrupt` when the database cannot be
used, so `dateline serve` can say so before it listens. Each request borrows a read-only `Store`
from a small pool held by the app (SQLite connections are cheap to keep and costly to share
across threads mid-query).
"""
from __future__ import annotations

import functools
import queue
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import DatelineError
from ..store import Store
from . import theme

HERE = Path(__file__).resolve().parent
DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


class StorePool:
    """Read-only connections to one database, opened on demand and reused."""

    def __init__(self, path: str):
        self.path = path
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self._idle.put(Store.open(path, readonly=True))   # raises now if the file is unusable

    def borrow(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            return Store.open(self.path, readonly=True)

    def give_back(self, store: Store) -> None:
        self._idle.put(store)

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def borrow_store(request: Request) -> Iterator[Store]:
    """FastAPI dependency: a Store for the length of one request."""
    pool: StorePool = request.app.state.stores
    store = pool.borrow()
    try:
        yield store
    finally:
        pool.give_back(store)


def content_security_policy(tiles_url: str | None) -> str:
    # No inline script or style anywhere: an escaping bug in a template cannot become script execution.
    img = "'self' data:"
    if tiles_url:
        parts = urlsplit(tiles_url.replace("{s}", "*"))   # {s}.tile.host → *.tile.host, a CSP wildcard
        img += f" {parts.scheme}://{parts.netloc}"
    return ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            f"img-src {img}; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def swagger_ui_path() -> Path | None:
    """Swagger UI's files from the `swagger-ui-bundle-v2` wheel (web extra), served locally: no CDN."""
    try:
        from swagger_ui_bundle import swagger_ui_path as path
    except ImportError:
        return None
    path = Path(str(path))
    return path if (path / "swagger-ui-bundle.js").is_file() else None


def create_app(db_path: str | Path, *, tiles_url: str | None = DEFAULT_TILES) -> FastAPI:
    """The web app over the database at `db_path` (read-only). `tiles_url=None` hides online tiles."""
    from . import api, pages

    pool = StorePool(str(db_path))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        pool.close()

    app = FastAPI(lifespan=lifespan, title="dateline", version=__version__,
                  description="Coded conflict events with their evidence, read-only. The pages read the same "
                              "endpoints: every filter the map or the table offers is a query parameter here.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.stores = pool
    app.state.db_path = str(db_path)
    app.state.tiles_url = tiles_url

    @functools.lru_cache(maxsize=1)
    def actor_pack():
        # Aliases for actor pages; loaded on first use (half a second), once per app, never required.
        from ..resolve.actor_packs import ActorPack

        try:
            return ActorPack.load()
        except (DatelineError, OSError):
            return None

    app.state.actor_pack = actor_pack
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True   # also for the .svg and fragment templates, not only .html
    theme.install(templates.env)
    app.state.templates = templates
    csp = content_security_policy(tiles_url)
    docs_csp = csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        # Swagger UI sets style attributes as it renders; only its page may use inline styles, never scripts.
        docs = request.url.path == "/api/docs"
        response.headers["Content-Security-Policy"] = docs_csp if docs else csp
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                                          status_code=exc.status_code)

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    swagger_assets = swagger_ui_path()
    if swagger_assets is not None:
        app.mount("/api/docs/assets", StaticFiles(directory=str(swagger_assets)), name="swagger-ui")

    @app.get("/api/docs", include_in_schema=False, response_class=HTMLResponse)
    async def api_docs(request: Request):
        return templates.TemplateResponse(request, "api_docs.html", {
            "assets": swagger_assets is not None, "spec_url": app.openapi_url})

    app.include_router(api.router)
    app.include_router(pages.router, default_response_class=HTMLResponse)
    return app
