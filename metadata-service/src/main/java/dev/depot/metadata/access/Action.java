package dev.depot.metadata.access;

/** What a caller wants to do with an item. Sharing will grant these to people other than owners. */
public enum Action {
    READ,
    WRITE
}
