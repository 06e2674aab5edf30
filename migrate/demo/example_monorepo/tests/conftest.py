import pytest

from test_framework.fixtures import UserFixture, make_user_fixture, make_ws_client
from test_framework.id_factories import IdFactory


@pytest.fixture
def ids() -> IdFactory:
    return IdFactory()


@pytest.fixture
def user() -> UserFixture:
    return make_user_fixture("e2e")


@pytest.fixture
def ws_client(user):
    return make_ws_client(user.user_id)
