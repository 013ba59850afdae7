package dev.depot.auth.mail;

/** A rendered message: the same content as plain text and as HTML. */
record Mail(String to, String subject, String text, String html) {}
