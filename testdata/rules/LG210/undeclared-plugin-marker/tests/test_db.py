import pytest


@pytest.mark.timeout(5)
@pytest.mark.django_db  # expect: LG210 "django_db"
def test_db():
    pass
