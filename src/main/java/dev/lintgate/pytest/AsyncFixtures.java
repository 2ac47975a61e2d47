package dev.lintgate.pytest;

import dev.lintgate.finding.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Async fixtures declared with {@code @pytest_asyncio.fixture(...)} or {@code @pytest.fixture(...)} above an
 * {@code async def}, read from source text with the literal {@code scope=} and {@code loop_scope=} arguments.
 * Only literal string arguments are understood; anything computed is left alone.
 */
public final class AsyncFixtures {
    private AsyncFixtures() {
    }

    /** {@code pytestAsyncio} is true for {@code @pytest_asyncio.fixture}; scopes are null when not given. */
    public record AsyncFixture(String name, boolean pytestAsyncio, String scope, String loopScope, Region decorator) {
    }

    private static final Pattern DECORATOR = Pattern.compile("(?m)^([ \\t]*)@(pytest_asyncio|pytest)\\.fixture\\b");
    private static final Pattern SCOPE = Pattern.compile("(?<![\\w])scope\\s*=\\s*[\"'](\\w*)[\"']");
    private static final Pattern LOOP_SCOPE = Pattern.compile("(?<![\\w])loop_scope\\s*=\\s*[\"'](\\w*)[\"']");
    private static final Pattern ASYNC_DEF = Pattern.compile("\\G(?:[ \\t]*(?:#[^\\n]*)?\\n|[ \\t]*@[^\\n]*\\n)*[ \\t]*async[ \\t]+def[ \\t]+(\\w+)");

    public static List<AsyncFixture> scan(String text) {
        List<AsyncFixture> out = new ArrayList<>();
        Matcher m = DECORATOR.matcher(text);
        while (m.find()) {
            int pos = m.end();
            String args = "";
            if (pos < text.length() && text.charAt(pos) == '(') {
                int depth = 0;
                int i = pos;
                for (; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '(') depth++;
                    if (c == ')' && --depth == 0) break;
                }
                if (i >= text.length()) break;
                args = text.substring(pos + 1, i);
                pos = i + 1;
            }
            int eol = text.indexOf('\n', pos);
            if (eol < 0) continue;
            Matcher def = ASYNC_DEF.matcher(text);
            def.region(eol + 1, text.length());
            if (!def.lookingAt()) continue;
            Matcher s = SCOPE.matcher(args.replaceAll("loop_scope", "loop_xxxxx"));
            Matcher l = LOOP_SCOPE.matcher(args);
            int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            int col = 1 + m.group(1).codePointCount(0, m.group(1).length());
            out.add(new AsyncFixture(def.group(1), m.group(2).equals("pytest_asyncio"), s.find() ? s.group(1) : null,
                    l.find() ? l.group(1) : null, Region.of(line, col, col + 1 + m.group(2).length() + ".fixture".length())));
        }
        return out;
    }
}
