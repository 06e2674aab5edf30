from netra_backend.app.core.legacy_ids import (
    LegacyIdGenerator,
    dashboard_user_key,
    generator_label,
    is_id_generator,
    opaque_reference,
)
from netra_backend.app.routes.threads import create_thread_handler, health_handler


def test_create_thread_handler():
    response = create_thread_handler({"user_id": "user-1", "title": "Hi"})
    assert response["status"] == 201
    assert response["body"]["thread_id"]
    assert response["headers"]["x-request-id"]


def test_create_thread_handler_validation_error():
    response = create_thread_handler({})
    assert response["status"] == 400
    assert response["body"]["error_id"]
    assert response["body"]["error_id"] != response["headers"]["x-request-id"]


def test_health_handler():
    response = health_handler({})
    assert response["status"] == 200 and response["headers"]["x-request-id"]


def test_legacy_helpers():
    legacy = LegacyIdGenerator()
    assert is_id_generator(legacy)
    assert not is_id_generator(object())
    assert LegacyIdGenerator.describe() == {"class": "LegacyIdGenerator", "namespace": "v1"}
    assert generator_label(legacy).startswith("LegacyIdGenerator@")
    assert dashboard_user_key() != dashboard_user_key()
    assert opaque_reference() != opaque_reference()
