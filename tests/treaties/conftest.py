from tests.treaties.fixtures import _fresh_treaty_snapshot, data_copy, real_data  # noqa: F401
