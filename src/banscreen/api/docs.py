"""The API's interactive documentation at `/docs`, served entirely from our own origin.

The service's Content-Security-Policy allows scripts and styles from 'self' only, so the
usual Swagger UI page (its files from a CDN, an inline script to start it) is blank. Here
the Swagger UI files come from the packaged copy (`swagger-ui-bundle`) and the script that
starts it is a file of ours too; the page's policy adds only what Swagger UI needs (its
inline styles and data: images)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse, Response

DOCS_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "frame-ancestors 'none'"
)
ASSETS = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
}
START = (
    "window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui', "
    "deepLinking: true});\n"
)
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>banscreen API</title>
<link rel="stylesheet" href="/docs/static/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/static/swagger-ui-bundle.js"></script>
<script src="/docs/static/start.js"></script></body></html>
"""


def _assets() -> Path:
    return Path(str(resources.files("fastapi_offline") / "static"))


def add_docs(app: FastAPI) -> None:
    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return HTMLResponse(PAGE, headers={"Content-Security-Policy": DOCS_POLICY})

    @app.get("/docs/static/{name}", include_in_schema=False)
    def asset(name: str) -> Response:
        if name == "start.js":
            return Response(START, media_type="text/javascript")
        if name not in ASSETS:
            raise HTTPException(404, "no such file")
        body = (_assets() / name).read_bytes()
        return Response(body, media_type=ASSETS[name], headers={"Cache-Control": "max-age=86400"})
