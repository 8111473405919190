package io.pacer.store.contact;

/** What an import does to the list already there. */
public enum ImportMode {
    /** The file becomes the list: every contact not in it is removed. */
    REPLACE,
    /** The file's contacts are added; a number already in the list is merged (its name and fields updated). */
    APPEND
}
