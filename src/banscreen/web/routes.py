"""The review UI: server-rendered pages over the same store and engine as the API.

An analyst logs in with an API key of scope `review` (or `admin`) and gets a session: a random
token in an HttpOnly, SameSite=Strict cookie, its hash kept in the store (so every worker
process knows it), ended as soon as its key is revoked or expires. The login form carries a
token bound to a cookie of its own (no cross-site form can log a victim into another key),
and every form after it the session's CSRF token, both checked in constant time. Pages:

- the queue (`/ui/alerts`): every filter in the URL, a total, pages to the last, sort,
  ageing, assignment, bulk actions on a selection, and an export of the whole view as CSV;
- an alert: the transaction as submitted with the matched fragment marked in place, the
  deciding hit first with its program's timeline and the transaction's date on it, the
  path drawn in the relations' own direction, each reason in plain words with its next
  step, the history, and the actions its state allows (four eyes: store/review.py);
- the accept list (`/ui/accept`): every clearance in force, and revoking one.

Each alert page has a JSON twin at the same URL plus `.json`. Text is shown with its
invisible and bidirectional characters escaped (visible.py).
"""

import csv
import hmac
import io
import json
import secrets
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from fastapi.templating import Jinja2Templates

from ..engine import Screener
from ..errors import NotFoundError
from ..store import STATUSES, ClearScope, Store, StoreError
from ..store.base import aware
from ..store.sessions import SessionInfo
from ..store.tables import Alert, Case, DecisionRow
from ..tunables import ACCEPT_DAYS, ACCEPT_DAYS_MAX, SESSION_SECONDS
from ..wire import guard
from .explain import explain_reasons, highlighted, path_graph, timeline
from .queue import EXPORT_COLUMNS, day_of, queue_item, view_of
from .visible import finalize, visible

COOKIE = "banscreen_session"
LOGIN_COOKIE = "banscreen_login"
PAGE = 50  # alerts on one page of the queue
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.finalize = finalize
STYLE = (Path(__file__).parent / "static" / "style.css").read_text("utf-8")


async def _fields(request: Request) -> dict[str, list[str]]:
    body = (await request.body()).decode("utf-8", "replace")
    return parse_qs(body, keep_blank_values=True)


def _first(fields: dict[str, list[str]]) -> dict[str, str]:
    return {k: v[0] for k, v in fields.items()}


def add_ui(
    app: FastAPI,
    store: Store,
    screener: Screener,
    alert_json: Callable[[Alert, DecisionRow, list[Case]], dict[str, Any]],
    after_action: Callable[[], None],
) -> None:
    registry = screener.registry

    def session_of(request: Request) -> SessionInfo | None:
        """The request's session, while its key is neither revoked nor expired."""
        token = request.cookies.get(COOKIE)
        found = store.find_session(token)
        if found is not None and not store.key_active(found.key_id):
            store.close_session(token)
            return None
        return found

    def known(alert_id: int) -> int:
        if not 1 <= alert_id < 2**31:
            raise HTTPException(404, "no such alert")
        return alert_id

    def require(request: Request) -> SessionInfo:
        found = session_of(request)
        if found is None:
            raise HTTPException(303, headers={"Location": "/ui/login"})
        return found

    def check_csrf(found: SessionInfo, form: dict[str, str]) -> None:
        if not hmac.compare_digest(form.get("csrf", ""), found.csrf):
            raise HTTPException(403, "missing or wrong CSRF token: reload the page")

    def login_form(request: Request, error: str = "", status: int = 200) -> Response:
        token = secrets.token_urlsafe(24)
        context = {"session": None, "error": error, "login_token": token}
        response = TEMPLATES.TemplateResponse(request, "login.html", context, status_code=status)
        response.set_cookie(
            LOGIN_COOKIE, token, max_age=900, httponly=True, samesite="strict", path="/ui",
            secure=request.url.scheme == "https",
        )  # fmt: skip
        return response

    @app.get("/ui/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request) -> Response:
        return login_form(request)

    @app.post("/ui/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = _first(await _fields(request))
        # Login CSRF: the form's token must equal the one in this browser's own
        # SameSite=Strict cookie, which a form posted from another site does not carry.
        expected = request.cookies.get(LOGIN_COOKIE) or ""
        if not expected or not hmac.compare_digest(form.get("login_token", ""), expected):
            return login_form(request, "The login form expired: please log in again.", 403)
        key = store.verify_key(form.get("api_key", "").strip())
        if key is None or not key.scopes & {"review", "admin"}:
            return login_form(request, "That is not an API key with the review scope.", 401)
        token = store.open_session(key.id, key.name, SESSION_SECONDS)
        response = RedirectResponse("/ui/alerts", status_code=303)
        response.delete_cookie(LOGIN_COOKIE, path="/ui")
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
        check_csrf(found, _first(await _fields(request)))
        store.close_session(request.cookies.get(COOKIE))
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

    # ------------------------------------------------------------------ the queue
    @app.get("/ui/alerts", response_class=HTMLResponse, include_in_schema=False)
    def alerts(request: Request) -> Response:
        found = require(request)
        params = dict(request.query_params)
        view, got = view_of(params)
        try:
            page = max(1, int(params.get("page") or 1))
        except ValueError:
            page = 1
        rows, total = store.alert_page(view, (page - 1) * PAGE, PAGE)
        last = max(1, -(-total // PAGE))
        if page > last:  # past the end (the queue shrank): show the last page
            page = last
            rows, total = store.alert_page(view, (page - 1) * PAGE, PAGE)
        at = datetime.now(UTC)
        filters = {k: v for k, v in got.items() if v}

        def link(to_page: int) -> str:
            return "/ui/alerts?" + urlencode({**filters, "page": to_page})

        context = {
            "session": found,
            "alerts": [queue_item(a, d, at) for a, d in rows],
            "got": got,
            "total": total,
            "page": page,
            "last": last,
            "first_row": (page - 1) * PAGE + 1 if rows else 0,
            "last_row": (page - 1) * PAGE + len(rows),
            "links": {
                "first": link(1),
                "prev": link(max(1, page - 1)),
                "next": link(min(last, page + 1)),
                "last": link(last),
            },
            "export": "/ui/alerts.csv?" + urlencode(filters),
            "here": "/ui/alerts?" + urlencode({**filters, "page": page}),
            "statuses": STATUSES,
            "notice": params.get("notice", "")[:300],
        }
        return TEMPLATES.TemplateResponse(request, "alerts.html", context)

    @app.get("/ui/alerts.csv", include_in_schema=False)
    def export(request: Request) -> Response:
        """The whole view (every page) as CSV, each cell guarded against formulas."""
        require(request)
        view, _ = view_of(dict(request.query_params))
        at = datetime.now(UTC)

        def lines() -> Iterator[str]:
            out = io.StringIO()
            writer = csv.writer(out)
            writer.writerow(EXPORT_COLUMNS)
            for n, (a, d) in enumerate(store.alert_rows(view), 1):
                item = queue_item(a, d, at)
                writer.writerow([guard(str(item[c])) for c in EXPORT_COLUMNS])
                if n % 500 == 0:
                    yield out.getvalue()
                    out.seek(0)
                    out.truncate()
            yield out.getvalue()

        return StreamingResponse(
            lines(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="alerts.csv"'},
        )

    @app.post("/ui/alerts/bulk", include_in_schema=False)
    async def bulk(request: Request) -> Response:
        found = require(request)
        fields = await _fields(request)
        form = _first(fields)
        check_csrf(found, form)
        ids = []
        for text in fields.get("alert_id", []):
            if text.isdigit() and 1 <= int(text) < 2**31:
                ids.append(int(text))
        done, failed = 0, []
        for alert_id in dict.fromkeys(ids):
            try:
                store.act(alert_id, form.get("action", ""), form.get("reason", ""),
                          found.actor, assignee=form.get("assignee", ""))  # fmt: skip
                done += 1
            except StoreError as exc:
                failed.append(f"#{alert_id}: {exc}")
        after_action()
        notice = f"{done} alert(s) {form.get('action', '')}: done."
        if not ids:
            notice = "Select at least one alert."
        if failed:
            notice += f" Not done: {len(failed)} — " + "; ".join(failed[:5])
        back = form.get("back", "")
        back = back if back.startswith("/ui/alerts?") else "/ui/alerts?"
        return RedirectResponse(back + "&" + urlencode({"notice": notice}), status_code=303)

    # ------------------------------------------------------------------ one alert
    @app.get("/ui/alerts/{alert_id}.json", include_in_schema=False)
    def alert_data(request: Request, alert_id: int) -> Response:
        require(request)
        return JSONResponse(alert_json(*stored_alert(alert_id)))

    def stored_alert(alert_id: int) -> tuple[Alert, DecisionRow, list[Case]]:
        got = store.alert(known(alert_id))
        if got is None:
            raise HTTPException(404, "no such alert")
        return got

    def render_alert(
        request: Request, found: SessionInfo, alert_id: int, error: str = ""
    ) -> Response:
        got = stored_alert(alert_id)  # read once: the page and its JSON twin's data
        data = alert_json(*got)
        alert_row, decision_row, _ = got
        d = data["decision"]
        detail = d["detail"]
        submitted = json.loads(decision_row.submitted or "{}")
        day = day_of(str(submitted.get("date") or "")) or day_of(str(detail.get("as_of") or ""))
        # The deciding hit first: the decision's outcome, on its first program.
        first_program = d["programs"].split(";")[0]
        hits = sorted(
            detail.get("hits", []),
            key=lambda h: (h.get("outcome") != d["outcome"], h.get("program") != first_program),
        )
        for hit in hits:
            hit["timeline"] = timeline(registry, hit["program"], hit.get("category"), day)
        deciding = hits[0] if hits else None
        matches = []
        for ev in detail.get("matches", []):
            query = str(ev.get("query") or "")
            field = ev.get("field") or ""
            whole = str(submitted.get(field) or "")
            if whole and query and query in whole and query != whole:
                # A phrase found in a longer field (free text): marked where it sits.
                at = whole.index(query)
                inner = ev.get("span") or [0, len(query)]
                shown = highlighted(whole, [at + inner[0], at + inner[1]])
            else:
                shown = highlighted(query, ev.get("span"))
            matches.append({**ev, "shown": shown})
        steps = deciding["path_steps"] if deciding else []
        origin = deciding["entity_id"] if deciding else d["entity_id"]
        proposal = {}
        if alert_row.proposal_detail:
            proposal = json.loads(alert_row.proposal_detail)
        context = {
            "session": found, "alert": data, "a": alert_row, "d": d, "detail": detail,
            "cases": data["cases"], "submitted": submitted, "matches": matches, "hits": hits,
            "deciding": deciding, "reasons": explain_reasons(d["reasons"]),
            "graph": path_graph(registry, steps, origin),
            "mine": alert_row.proposed_by == found.actor,
            "error": error, "needs_second": store.needs_second(alert_row),
            "proposal": proposal, "accept_days": ACCEPT_DAYS, "accept_days_max": ACCEPT_DAYS_MAX,
            "programs": sorted({h["program"] for h in hits}),
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
        form = _first(await _fields(request))
        check_csrf(found, form)
        known(alert_id)
        try:
            days = int(form.get("days") or ACCEPT_DAYS)
            scope = ClearScope(
                all_clients=form.get("all_clients") == "on",
                all_categories=form.get("all_categories") == "on",
                program=form.get("program", "")[:200],
                days=days,
            )
            store.act(alert_id, form.get("action", ""), form.get("reason", ""), found.actor,
                      scope=scope, assignee=form.get("assignee", ""))  # fmt: skip
        except ValueError:
            return render_alert(request, found, alert_id, "days must be a whole number")
        except NotFoundError:
            raise HTTPException(404, "no such alert") from None
        except StoreError as exc:
            return render_alert(request, found, alert_id, str(exc))
        after_action()
        return RedirectResponse(f"/ui/alerts/{alert_id}", status_code=303)

    # ------------------------------------------------------------------ the accept list
    @app.get("/ui/accept", response_class=HTMLResponse, include_in_schema=False)
    def accept_page(request: Request, all: str = "") -> Response:
        found = require(request)
        rows = store.accept_rows(include_inactive=all == "1", limit=5000)
        entries = [
            {
                "id": r.id, "field": r.field, "value": r.counterparty, "entity_id": r.entity_id,
                "entity_name": registry.entities[r.entity_id].display_name
                if r.entity_id in registry.entities else "",
                "list_version": r.list_version, "client": r.client or "every client",
                "category": r.category or "every category", "program": r.program or "every program",
                "expires": aware(r.expires_at).date().isoformat() if r.expires_at else "never",
                "revoked": f"{aware(r.revoked_at).isoformat(timespec='seconds')} by {r.revoked_by}"
                if r.revoked_at else "",
                "created_by": r.created_by, "reason": r.reason, "case_id": r.case_id,
            }
            for r in rows
        ]  # fmt: skip
        context = {"session": found, "entries": entries, "all": all == "1"}
        return TEMPLATES.TemplateResponse(request, "accept.html", context)

    @app.post("/ui/accept/{entry_id}/revoke", include_in_schema=False)
    async def revoke(request: Request, entry_id: int) -> Response:
        found = require(request)
        form = _first(await _fields(request))
        check_csrf(found, form)
        if not 1 <= entry_id < 2**31:
            raise HTTPException(404, "no such accept entry")
        try:
            store.revoke_accept(entry_id, found.actor, form.get("reason", ""))
        except NotFoundError:
            raise HTTPException(404, "no such accept entry") from None
        except StoreError as exc:
            raise HTTPException(422, str(exc)) from None
        after_action()
        return RedirectResponse("/ui/accept", status_code=303)


__all__ = ["add_ui", "visible"]
