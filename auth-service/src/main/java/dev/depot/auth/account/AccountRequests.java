package dev.depot.auth.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The request bodies of the account endpoints, with the rules their fields follow. */
final class AccountRequests {

    static final String USERNAME = "^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$";
    static final String USERNAME_RULE =
            "3 to 32 letters, digits, '.', '_' or '-', starting with" + " a letter or digit";
    static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    static final String EMAIL_RULE = "must be an email address";

    record SignupRequest(
            @NotBlank @Size(max = 254) @Pattern(regexp = EMAIL, message = EMAIL_RULE)
            String email,

            @NotNull @Pattern(regexp = USERNAME, message = USERNAME_RULE)
            String username,

            @NotNull @Size(min = 10, max = 256) String password) {}

    @Schema(
            description = "Give a new username, a new email address or both. A new address"
                    + " becomes the account's once the link mailed to it is followed.")
    record UpdateAccountRequest(
            @Pattern(regexp = USERNAME, message = USERNAME_RULE) @Nullable
            String username,

            @Size(max = 254) @Pattern(regexp = EMAIL, message = EMAIL_RULE) @Nullable
            String email) {}

    record ChangePasswordRequest(
            @NotNull @Size(max = 256) String currentPassword,
            @NotNull @Size(min = 10, max = 256) String newPassword) {}

    record DeleteAccountRequest(@NotNull @Size(max = 256) String password) {}

    record VerifyEmailRequest(
            @Schema(description = "The token of the link mailed to the address") @NotBlank @Size(max = 128)
            String token) {}

    record ForgotPasswordRequest(@NotBlank @Size(max = 254) String email) {}

    record ResetPasswordRequest(
            @Schema(description = "The token of the link mailed to the address") @NotBlank @Size(max = 128)
            String token,

            @NotNull @Size(min = 10, max = 256) String newPassword) {}

    private AccountRequests() {}
}
