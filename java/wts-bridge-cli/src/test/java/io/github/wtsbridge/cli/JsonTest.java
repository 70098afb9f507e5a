package io.github.wtsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI's JSON writer: escaping that a strict parser reads back exactly, ASCII only. */
class JsonTest {
    @Test
    void everyCharacterRoundTrips() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x800; c++) {
            all.append(c);
        }
        all.append("\u2028\u2029\uFEFF\uFFFF\uD834\uDD1E\"\\/");
        String text = all.toString();
        String json = Json.write(List.of(text));
        assertTrue(json.chars().allMatch(c -> c >= 0x20 && c < 0x7F), "ASCII only");
        assertEquals(List.of(text), StrictJson.parse(json));
    }

    @Test
    void unpairedSurrogatesStayEscaped() {
        String lone = "a\uD800b\uDC00";
        String json = Json.write(lone);
        assertEquals("\"a\\ud800b\\udc00\"", json);
        assertEquals(lone, StrictJson.parse(json));
    }

    @Test
    void structures() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", 4294967295L);
        map.put("i", -1);
        map.put("t", true);
        map.put("f", false);
        map.put("z", null);
        map.put("l", Arrays.asList(1, "x", null, List.of(), Map.of()));
        String json = Json.write(map);
        assertEquals("{\"n\":4294967295,\"i\":-1,\"t\":true,\"f\":false,\"z\":null,\"l\":[1,\"x\",null,[],{}]}", json);
        Map<String, Object> back = StrictJson.object(json);
        assertEquals(4294967295L, back.get("n"));
        assertEquals(Arrays.asList(1L, "x", null, List.of(), Map.of()), back.get("l"));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }

    @Test
    void theTestParserIsStrict() {
        for (String bad : new String[] {"{\"a\":1,}", "[1,]", "01", "\"\u0001\"", "\"\\x\"", "{\"a\":1,\"a\":2}", "[1] 2",
            "'a'", "{a:1}", "\"\\u12\"", "-", "1.", "tru"}) {
            assertThrows(IllegalArgumentException.class, () -> StrictJson.parse(bad), bad);
        }
    }
}
