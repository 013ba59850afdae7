package dev.depot.upload.store;

/** A part stored in a multipart upload. */
record StoredPart(int number, String etag, long size) {}
