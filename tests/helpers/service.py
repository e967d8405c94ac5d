"""What the service tests share: a transaction to send, and logging in to the review UI as a
browser does (the login form's token, then the post)."""

from __future__ import annotations

from typing import Any

TENPAY = {  # REVIEW: a fuzzy name of a covered company
    "id": "p1",
    "date": "2021-03-15",
    "category": "payment",
    "counterparty_name": "Tenpay Payment Technology",
    "us_nexus": "true",
}


def ui_login_token(client: Any) -> str:
    """The login form's token (its cookie is now in the client's jar)."""
    page = client.get("/ui/login")
    return str(page.text.split('name="login_token" value="')[1].split('"')[0])


def ui_login(client: Any, key: str) -> Any:
    """Log `client` in with `key`; the response (a 303 to the queue when it worked)."""
    token = ui_login_token(client)
    return client.post(
        "/ui/login", data={"api_key": key, "login_token": token}, follow_redirects=False
    )
