package dev.depot.transcode.processing;

/**
 * A preview image made from a blob, not stored yet: a small JPEG (at most 1024 px a side), so
 * holding it in memory is fine.
 *
 * @param kind {@code small}, {@code large} or {@code poster}
 */
record RenderedPreview(String kind, byte[] jpeg, int width, int height) {

    static final String SMALL = "small";
    static final String LARGE = "large";
    static final String POSTER = "poster";
    static final String CONTENT_TYPE = "image/jpeg";
}
