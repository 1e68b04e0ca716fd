"""A stand-in for the `requests` package, for machines without it.

The tests run the TDMP reference's Python example as written, and it
imports `requests`. Where that package is not installed (a machine with
only Node and the npm registry has no pip), the tests put this directory on
PYTHONPATH. It covers what the example uses, over the standard library:
`get` and `post` with `headers`, `params`, `data` and `json`, and a response
with `status_code`, `ok`, `headers`, `content`, `text`, `json()` and
`raise_for_status()`. The server the example talks to is the real one.
"""

import json as _json
import urllib.error
import urllib.parse
import urllib.request


class RequestException(IOError):
    """The base of this module's errors, as in requests."""


class HTTPError(RequestException):
    """A 4xx or 5xx status, raised by `Response.raise_for_status`."""

    def __init__(self, message, response=None):
        super().__init__(message)
        self.response = response


class Response:
    """A received response, read whole."""

    def __init__(self, url, status_code, headers, content):
        self.url = url
        self.status_code = status_code
        self.headers = headers
        self.content = content

    @property
    def ok(self):
        return self.status_code < 400

    @property
    def text(self):
        return self.content.decode("utf-8")

    def json(self):
        return _json.loads(self.content)

    def raise_for_status(self):
        if self.status_code >= 400:
            kind = "Client" if self.status_code < 500 else "Server"
            raise HTTPError(
                f"{self.status_code} {kind} Error for url: {self.url}", response=self
            )


def request(method, url, params=None, data=None, json=None, headers=None, timeout=None):
    """Sends a request and returns its `Response`, whatever its status."""
    headers = dict(headers or {})
    named = {name.lower() for name in headers}
    body = None
    if json is not None:
        body = _json.dumps(json).encode("utf-8")
        if "content-type" not in named:
            headers["Content-Type"] = "application/json"
    elif isinstance(data, dict):
        body = urllib.parse.urlencode(data).encode("utf-8")
        if "content-type" not in named:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif isinstance(data, str):
        body = data.encode("utf-8")
    elif data is not None:
        body = data
    if params:
        url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
    sent = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(sent, timeout=timeout) as received:
            return Response(url, received.status, dict(received.headers), received.read())
    except urllib.error.HTTPError as error:
        # requests returns error statuses as responses; urllib raises them.
        return Response(url, error.code, dict(error.headers), error.read())


def get(url, params=None, **kwargs):
    return request("GET", url, params=params, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request("POST", url, data=data, json=json, **kwargs)
