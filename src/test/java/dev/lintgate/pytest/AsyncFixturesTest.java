package dev.lintgate.pytest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncFixturesTest {
    @Test
    void readsLiteralScopesOfAsyncFixturesOnly() {
        String text = """
                import pytest, pytest_asyncio

                @pytest_asyncio.fixture(scope="session")
                async def pool():
                    yield 1

                @pytest.fixture(
                    scope="module",  # cached per module
                    loop_scope="module",
                )
                @other
                async def db():
                    yield 1

                @pytest.fixture(scope="session")
                def sync_one():
                    return 1

                class TestX:
                    @pytest_asyncio.fixture
                    async def inner(self):
                        yield 1
                """;
        List<AsyncFixtures.AsyncFixture> found = AsyncFixtures.scan(text);
        assertEquals(3, found.size(), found.toString());
        assertEquals(new AsyncFixtures.AsyncFixture("pool", true, "session", null, dev.lintgate.finding.Region.of(3, 1, 24)), found.get(0));
        assertEquals("db", found.get(1).name());
        assertEquals("module", found.get(1).scope());
        assertEquals("module", found.get(1).loopScope());
        assertEquals(false, found.get(1).pytestAsyncio());
        assertEquals("inner", found.get(2).name());
        assertEquals(null, found.get(2).scope());
        assertEquals(5, found.get(2).decorator().startColumn());
    }
}
