package dev.depot.auth.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies of the account endpoints, with the rules their fields follow. */
final class AccountRequests {

  static final String USERNAME = "^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$";
  static final String USERNAME_RULE = "3 to 32 letters, digits, '.', '_' or '-', starting with"
      + " a letter or digit";
  static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
  static final String EMAIL_RULE = "must be an email address";

  record Signup(
      @NotBlank @Size(max = 254) @Pattern(regexp = EMAIL, message = EMAIL_RULE) String email,
      @NotNull @Pattern(regexp = USERNAME, message = USERNAME_RULE) String username,
      @NotNull @Size(min = 10, max = 256) String password) {}

  record Update(
      @Pattern(regexp = USERNAME, message = USERNAME_RULE) String username,
      @Size(max = 254) @Pattern(regexp = EMAIL, message = EMAIL_RULE) String email) {}

  record ChangePassword(@NotNull @Size(max = 256) String currentPassword,
      @NotNull @Size(min = 10, max = 256) String newPassword) {}

  record Delete(@NotNull @Size(max = 256) String password) {}

  record Verify(@NotBlank @Size(max = 128) String token) {}

  record Forgot(@NotBlank @Size(max = 254) String email) {}

  record Reset(@NotBlank @Size(max = 128) String token,
      @NotNull @Size(min = 10, max = 256) String newPassword) {}

  private AccountRequests() {}
}
