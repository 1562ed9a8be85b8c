"""Fixtures for the end-to-end tests: a running `orchlab serve` started by .ci/e2e.sh.

The script exports ORCHLAB_URL (http://127.0.0.1:PORT), ORCHLAB_TOKEN and ORCHLAB_DB.
"""
import os

import pynetbox
import pytest
import requests


@pytest.fixture(scope="session")
def base_url():
    return os.environ["ORCHLAB_URL"].rstrip("/")


@pytest.fixture(scope="session")
def token():
    return os.environ["ORCHLAB_TOKEN"]


@pytest.fixture(scope="session")
def db_path():
    return os.environ["ORCHLAB_DB"]


@pytest.fixture(scope="session")
def api(base_url, token):
    """A requests session that sends the token, with the base URL prepended."""
    session = requests.Session()
    session.headers["Authorization"] = f"Token {token}"

    class Client:
        url = base_url

        def get(self, path, **kw):
            return session.get(base_url + path, timeout=30, **kw)

        def post(self, path, **kw):
            return session.post(base_url + path, timeout=60, **kw)

        def put(self, path, **kw):
            return session.put(base_url + path, timeout=60, **kw)

        def delete(self, path, **kw):
            return session.delete(base_url + path, timeout=30, **kw)

    return Client()


@pytest.fixture(scope="session")
def nb(base_url, token):
    return pynetbox.api(f"{base_url}/netbox", token=token)
