package org.openair.intel;

import java.util.Map;

/**
 * A source as the API receives it: {@code url} (HTTP(S)) or {@code path} (a file on the server),
 * {@code refreshInterval} as ISO-8601 ({@code PT1H}) or short form ({@code 30m}, {@code 6h}).
 */
public record SourceRequest(
    String name,
    String kind,
    String url,
    String path,
    String refreshInterval,
    String type,
    String verdict,
    Integer confidence,
    Map<String, String> mapping,
    Boolean enabled) {}
