"""The review UI: server-rendered pages over the same store and engine as the API.

An analyst logs in with an API key of scope `review` (or `admin`) and gets a session: a random
token in an HttpOnly, SameSite=Strict cookie, held in memory (a restart logs everyone out).
Every form carries the session's CSRF token, checked in constant time. Pages: the alert queue
with filters; an alert with its decision, reasons, the ownership path drawn as a small graph,
the name alignment, each program's timeline, the cases, and buttons to escalate, block or
clear as a false positive with a mandatory reason (a clear feeds the accept list). Each alert
page has a JSON twin at the same URL plus `.json`.
"""

import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from ..decide.timeline import periods
from ..engine import Screener
from ..store import Store, StoreError
from ..tunables import SESSION_SECONDS

COOKIE = "banscreen_session"
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
STYLE = (Path(__file__).parent / "static" / "style.css").read_text("utf-8")


@dataclass(frozen=True)
class WebSession:
    key_id: int
    csrf: str
    expires: float
    key_name: str = ""


class Sessions:
    def __init__(self) -> None:
        self._by_token: dict[str, WebSession] = {}
        self._lock = threading.Lock()

    def open(self, key_id: int, key_name: str = "") -> str:
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._by_token[token] = WebSession(
                key_id, secrets.token_urlsafe(24), time.time() + SESSION_SECONDS, key_name
            )
        return token

    def get(self, token: str | None) -> WebSession | None:
        if not token:
            return None
        with self._lock:
            found = self._by_token.get(token)
            if found is not None and found.expires < time.time():
                del self._by_token[token]
                found = None
        return found

    def close(self, token: str | None) -> None:
        with self._lock:
            self._by_token.pop(token or "", None)


async def _form(request: Request) -> dict[str, str]:
    body = (await request.body()).decode("utf-8", "replace")
    return {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}


def path_graph(steps: list[dict[str, Any]], start: str) -> str:
    """The ownership path as a small SVG: one box per entity, one labelled arrow per step."""
    if not steps:
        return ""
    nodes = [start]
    for step in steps:
        for node in (step["from"], step["to"]):
            if node not in nodes:
                nodes.append(node)
    width, gap, height = 190, 70, 34
    at = {n: (10 + i * (width + gap), 30) for i, n in enumerate(nodes)}
    parts = []
    for step in steps:
        (x1, y), (x2, _) = at[step["from"]], at[step["to"]]
        left, right = (x1, x2) if x1 < x2 else (x2, x1)
        y_line = y + height / 2
        ax, bx = (left + width, right) if x1 < x2 else (right, left + width)
        label = step["relation"] if step["forward"] else f"← {step['relation']}"
        parts.append(
            f'<line x1="{ax}" y1="{y_line}" x2="{bx}" y2="{y_line}" stroke="#555" '
            f'marker-end="url(#arrow)"/><text x="{(ax + bx) / 2}" y="{y - 6}" font-size="11" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    for node, (x, y) in at.items():
        parts.append(
            f'<rect x="{x}" y="{y}" width="{width}" height="{height}" rx="5" fill="#eef1f5" '
            f'stroke="#8894a8"/><text x="{x + width / 2}" y="{y + 21}" font-size="12" '
            f'text-anchor="middle">{escape(node[:28])}</text>'
        )
    total = 20 + len(nodes) * (width + gap)
    return (
        f'<svg id="path-graph" width="{total}" height="90" role="img" aria-label="ownership path">'
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/>'
        "</marker></defs>" + "".join(parts) + "</svg>"
    )


def add_ui(
    app: FastAPI,
    store: Store,
    screener: Screener,
    alert_json: Callable[[int], dict[str, Any] | None],
    after_action: Callable[[], None],
) -> None:
    sessions = Sessions()

    def session_of(request: Request) -> WebSession | None:
        """The request's session, while its key is neither revoked nor expired."""
        token = request.cookies.get(COOKIE)
        found = sessions.get(token)
        if found is not None and not store.key_active(found.key_id):
            sessions.close(token)
            return None
        return found

    def known(alert_id: int) -> int:
        if not 1 <= alert_id < 2**31:
            raise HTTPException(404, "no such alert")
        return alert_id

    def require(request: Request) -> WebSession:
        found = session_of(request)
        if found is None:
            raise HTTPException(303, headers={"Location": "/ui/login"})
        return found

    def check_csrf(found: WebSession, form: dict[str, str]) -> None:
        if not hmac.compare_digest(form.get("csrf", ""), found.csrf):
            raise HTTPException(403, "missing or wrong CSRF token: reload the page")

    @app.get("/ui/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request) -> Response:
        return TEMPLATES.TemplateResponse(request, "login.html", {"session": None, "error": ""})

    @app.post("/ui/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = await _form(request)
        key = store.verify_key(form.get("api_key", "").strip())
        if key is None or not key.scopes & {"review", "admin"}:
            context = {"session": None, "error": "That is not an API key with the review scope."}
            return TEMPLATES.TemplateResponse(request, "login.html", context, status_code=401)
        token = sessions.open(key.id, key.name)
        response = RedirectResponse("/ui/alerts", status_code=303)
        response.set_cookie(
            COOKIE,
            token,
            max_age=SESSION_SECONDS,
            httponly=True,
            samesite="strict",
            path="/ui",
            secure=request.url.scheme == "https",
        )
        return response

    @app.post("/ui/logout", include_in_schema=False)
    async def logout(request: Request) -> Response:
        found = require(request)
        check_csrf(found, await _form(request))
        sessions.close(request.cookies.get(COOKIE))
        response = RedirectResponse("/ui/login", status_code=303)
        response.delete_cookie(COOKIE, path="/ui")
        return response

    @app.get("/ui/static/style.css", include_in_schema=False)
    def style() -> Response:
        # Served from our origin: the Content-Security-Policy allows no inline styles.
        return Response(STYLE, media_type="text/css")

    @app.get("/ui", include_in_schema=False)
    def home() -> Response:
        return RedirectResponse("/ui/alerts", status_code=303)

    @app.get("/ui/alerts", response_class=HTMLResponse, include_in_schema=False)
    def alerts(request: Request, status: str = "open", outcome: str = "") -> Response:
        found = require(request)
        status = status if status in ("", "open", "escalated", "blocked", "cleared") else "open"
        outcome = outcome if outcome in ("", "REVIEW", "BLOCK") else ""
        rows = store.alerts(status or None, outcome or None, 500)
        items = [
            {
                "alert_id": a.id,
                "outcome": a.outcome,
                "status": a.status,
                "transaction_id": d.transaction_id,
                "entity_name": d.entity_name,
                "reasons": d.reasons,
                "created_at": a.created_at.isoformat(),
            }
            for a, d in rows
        ]
        context = {"session": found, "alerts": items, "status": status, "outcome": outcome}
        return TEMPLATES.TemplateResponse(request, "alerts.html", context)

    @app.get("/ui/alerts/{alert_id}.json", include_in_schema=False)
    def alert_data(request: Request, alert_id: int) -> Response:
        require(request)
        data = alert_json(known(alert_id))
        if data is None:
            raise HTTPException(404, "no such alert")
        return JSONResponse(data)

    def render_alert(
        request: Request, found: WebSession, alert_id: int, error: str = ""
    ) -> Response:
        data = alert_json(known(alert_id))
        if data is None:
            raise HTTPException(404, "no such alert")
        d = data["decision"]
        detail = d["detail"]
        timelines: dict[str, list[str]] = {}
        for hit in detail.get("hits", []):
            program = screener.registry.programs.get(hit["program"])
            if program is not None and hit["program"] not in timelines:
                timelines[hit["program"]] = [
                    f"{p.category}: {p.start} → {p.end or '…'} {p.status}" for p in periods(program)
                ][:8]
        steps = detail["hits"][0]["path_steps"] if detail.get("hits") else []
        context = {
            "session": found, "alert": data, "d": d, "detail": detail, "cases": data["cases"],
            "graph": path_graph(steps, d["entity_id"]), "timelines": timelines, "error": error,
        }  # fmt: skip
        return TEMPLATES.TemplateResponse(
            request, "alert.html", context, status_code=422 if error else 200
        )

    @app.get("/ui/alerts/{alert_id}", response_class=HTMLResponse, include_in_schema=False)
    def alert(request: Request, alert_id: int) -> Response:
        return render_alert(request, require(request), alert_id)

    @app.post("/ui/alerts/{alert_id}/actions", include_in_schema=False)
    async def act(request: Request, alert_id: int) -> Response:
        found = require(request)
        form = await _form(request)
        check_csrf(found, form)
        try:
            store.act(
                alert_id, form.get("action", ""), form.get("reason", ""), f"key:{found.key_id}"
            )
        except StoreError as exc:
            return render_alert(request, found, alert_id, str(exc))
        after_action()
        return RedirectResponse(f"/ui/alerts/{alert_id}", status_code=303)
