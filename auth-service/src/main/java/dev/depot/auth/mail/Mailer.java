package dev.depot.auth.mail;

/** Sends one message; throws when the mail server did not take it (the caller retries). */
interface Mailer {

    void send(Mail mail);
}
