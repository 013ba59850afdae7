package dev.depot.metadata;

import dev.depot.kit.problem.ProblemCode;
import org.springframework.http.HttpStatus;

/**
 * metadata-service's problem catalog. Items of other users answer "not found", exactly like items
 * that do not exist, so that ids reveal nothing.
 */
public final class MetadataProblem {

    public static final ProblemCode FOLDER_NOT_FOUND =
            ProblemCode.of("FOLDER_NOT_FOUND", HttpStatus.NOT_FOUND, "Folder not found");
    public static final ProblemCode FILE_NOT_FOUND =
            ProblemCode.of("FILE_NOT_FOUND", HttpStatus.NOT_FOUND, "File not found");
    public static final ProblemCode VERSION_NOT_FOUND =
            ProblemCode.of("VERSION_NOT_FOUND", HttpStatus.NOT_FOUND, "Version not found");
    public static final ProblemCode TRASH_ITEM_NOT_FOUND =
            ProblemCode.of("TRASH_ITEM_NOT_FOUND", HttpStatus.NOT_FOUND, "Not in the trash");
    public static final ProblemCode INVALID_NAME =
            ProblemCode.of("INVALID_NAME", HttpStatus.BAD_REQUEST, "Invalid name");
    public static final ProblemCode NAME_CONFLICT =
            ProblemCode.of("NAME_CONFLICT", HttpStatus.CONFLICT, "Name already taken");
    public static final ProblemCode MOVE_INTO_ITSELF =
            ProblemCode.of("MOVE_INTO_ITSELF", HttpStatus.CONFLICT, "A folder cannot move into its own subtree");
    public static final ProblemCode ROOT_FOLDER_IMMUTABLE =
            ProblemCode.of("ROOT_FOLDER_IMMUTABLE", HttpStatus.CONFLICT, "The root folder cannot change");
    public static final ProblemCode TREE_TOO_DEEP =
            ProblemCode.of("TREE_TOO_DEEP", HttpStatus.CONFLICT, "Folders nest too deep");
    public static final ProblemCode QUOTA_EXCEEDED =
            ProblemCode.of("QUOTA_EXCEEDED", HttpStatus.CONTENT_TOO_LARGE, "Storage quota exceeded");
    public static final ProblemCode VERSION_NOT_AVAILABLE =
            ProblemCode.of("VERSION_NOT_AVAILABLE", HttpStatus.CONFLICT, "Version not available");
    public static final ProblemCode CURRENT_VERSION =
            ProblemCode.of("CURRENT_VERSION", HttpStatus.CONFLICT, "The current version cannot be deleted");
    public static final ProblemCode INVALID_CURSOR =
            ProblemCode.of("INVALID_CURSOR", HttpStatus.BAD_REQUEST, "Invalid page cursor");
    public static final ProblemCode NOT_AN_ADMIN =
            ProblemCode.of("NOT_AN_ADMIN", HttpStatus.FORBIDDEN, "Administrators only");
    public static final ProblemCode ACCOUNT_NOT_FOUND =
            ProblemCode.of("ACCOUNT_NOT_FOUND", HttpStatus.NOT_FOUND, "Account not found");

    public static final ProblemCode ITEM_NOT_FOUND =
            ProblemCode.of("ITEM_NOT_FOUND", HttpStatus.NOT_FOUND, "Item not found");
    public static final ProblemCode ARCHIVE_NOT_FOUND =
            ProblemCode.of("ARCHIVE_NOT_FOUND", HttpStatus.NOT_FOUND, "Archive not found");
    public static final ProblemCode ARCHIVE_TOO_LARGE =
            ProblemCode.of("ARCHIVE_TOO_LARGE", HttpStatus.CONTENT_TOO_LARGE, "Selection too large for one archive");
    public static final ProblemCode SHARE_LINK_NOT_FOUND =
            ProblemCode.of("SHARE_LINK_NOT_FOUND", HttpStatus.NOT_FOUND, "Share link not found");
    public static final ProblemCode EMAIL_NOT_VERIFIED =
            ProblemCode.of("EMAIL_NOT_VERIFIED", HttpStatus.FORBIDDEN, "Email address not verified");
    public static final ProblemCode SHARE_LINK_LIMIT =
            ProblemCode.of("SHARE_LINK_LIMIT", HttpStatus.CONFLICT, "Too many share links for one file");
    public static final ProblemCode TOO_MANY_STREAMS =
            ProblemCode.of("TOO_MANY_STREAMS", HttpStatus.TOO_MANY_REQUESTS, "Too many live streams");

    private MetadataProblem() {}
}
