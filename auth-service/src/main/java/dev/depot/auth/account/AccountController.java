package dev.depot.auth.account;

import dev.depot.auth.account.AccountRequests.ChangePassword;
import dev.depot.auth.account.AccountRequests.Delete;
import dev.depot.auth.account.AccountRequests.Forgot;
import dev.depot.auth.account.AccountRequests.Reset;
import dev.depot.auth.account.AccountRequests.Signup;
import dev.depot.auth.account.AccountRequests.Update;
import dev.depot.auth.account.AccountRequests.Verify;
import dev.depot.auth.token.Caller;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, the own account, email verification and password recovery. */
@RestController
@RequestMapping("/api/auth")
class AccountController {

  static final Map<String, String> RESET_REQUESTED = Map.of("message",
      "If an account has this address, a link to reset its password is on its way.");

  private final AccountService accounts;
  private final EmailVerificationService verification;
  private final PasswordResetService resets;

  AccountController(AccountService accounts, EmailVerificationService verification,
      PasswordResetService resets) {
    this.accounts = accounts;
    this.verification = verification;
    this.resets = resets;
  }

  @PostMapping("/signup")
  ResponseEntity<AccountResponse> signup(@Valid @RequestBody Signup body) {
    Account account = accounts.signup(body.email(), body.username(), body.password());
    return ResponseEntity.created(URI.create("/api/auth/account"))
        .body(AccountResponse.of(account));
  }

  @GetMapping("/account")
  AccountResponse get(@AuthenticationPrincipal Jwt jwt) {
    return AccountResponse.of(accounts.get(Caller.of(jwt).userId()));
  }

  @PatchMapping("/account")
  AccountResponse update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody Update body) {
    if (body.username() == null && body.email() == null) {
      throw new DepotException(CommonProblem.VALIDATION_FAILED,
          "Give a new username, a new email address or both.");
    }
    return AccountResponse.of(accounts.update(Caller.of(jwt).userId(), body.username(),
        body.email()));
  }

  @PostMapping("/account/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChangePassword body) {
    accounts.changePassword(Caller.of(jwt), body.currentPassword(), body.newPassword());
  }

  @DeleteMapping("/account")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody Delete body) {
    accounts.delete(Caller.of(jwt).userId(), body.password());
  }

  @PostMapping("/verify-email")
  AccountResponse verify(@Valid @RequestBody Verify body) {
    return AccountResponse.of(verification.verify(body.token()));
  }

  @PostMapping("/verify-email/resend")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void resend(@AuthenticationPrincipal Jwt jwt) {
    accounts.resendVerification(Caller.of(jwt).userId());
  }

  @PostMapping("/password/forgot")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, String> forgot(@Valid @RequestBody Forgot body) {
    resets.requestReset(body.email());
    return RESET_REQUESTED;
  }

  @PostMapping("/password/reset")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void reset(@Valid @RequestBody Reset body) {
    resets.reset(body.token(), body.newPassword());
  }
}
