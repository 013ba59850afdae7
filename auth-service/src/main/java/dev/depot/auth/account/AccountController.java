package dev.depot.auth.account;

import dev.depot.auth.account.AccountRequests.ChangePasswordRequest;
import dev.depot.auth.account.AccountRequests.DeleteAccountRequest;
import dev.depot.auth.account.AccountRequests.ForgotPasswordRequest;
import dev.depot.auth.account.AccountRequests.ResetPasswordRequest;
import dev.depot.auth.account.AccountRequests.SignupRequest;
import dev.depot.auth.account.AccountRequests.UpdateAccountRequest;
import dev.depot.auth.account.AccountRequests.VerifyEmailRequest;
import dev.depot.auth.token.Caller;
import dev.depot.kit.openapi.Refusals;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
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
@Tag(name = "Accounts")
class AccountController {

    /** What a password-reset request answers, whether or not an account has the address. */
    record ForgotPasswordResponse(String message) {}

    static final ForgotPasswordResponse RESET_REQUESTED =
            new ForgotPasswordResponse("If an account has this address, a link to reset its password is on its way.");

    private final AccountService accounts;
    private final EmailVerificationService verification;
    private final PasswordResetService resets;

    AccountController(AccountService accounts, EmailVerificationService verification, PasswordResetService resets) {
        this.accounts = accounts;
        this.verification = verification;
        this.resets = resets;
    }

    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "signup", summary = "Create an account; a link to verify its address is mailed")
    @Refusals({"WEAK_PASSWORD", "EMAIL_TAKEN", "USERNAME_TAKEN"})
    ResponseEntity<AccountResponse> signup(@Valid @RequestBody SignupRequest body) {
        Account account = accounts.signup(body.email(), body.username(), body.password());
        return ResponseEntity.created(URI.create("/api/auth/account")).body(AccountResponse.of(account));
    }

    @GetMapping("/account")
    @Operation(operationId = "getAccount", summary = "The caller's account")
    AccountResponse get(@AuthenticationPrincipal Jwt jwt) {
        return AccountResponse.of(accounts.get(Caller.of(jwt).userId()));
    }

    @PatchMapping("/account")
    @Operation(
            operationId = "updateAccount",
            summary = "Change the username and/or the email address (verified before it applies)")
    @Refusals({"EMAIL_TAKEN", "USERNAME_TAKEN"})
    AccountResponse update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody UpdateAccountRequest body) {
        if (body.username() == null && body.email() == null) {
            throw new DepotException(
                    CommonProblem.VALIDATION_FAILED, "Give a new username, a new email address or both.");
        }
        return AccountResponse.of(accounts.update(Caller.of(jwt).userId(), body.username(), body.email()));
    }

    @PostMapping("/account/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "changePassword", summary = "Change the password; every other session of the account ends")
    @Refusals({"WRONG_PASSWORD", "WEAK_PASSWORD"})
    void changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChangePasswordRequest body) {
        accounts.changePassword(Caller.of(jwt), body.currentPassword(), body.newPassword());
    }

    @DeleteMapping("/account")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "deleteAccount",
            summary = "Delete the account and everything it stores; every session ends")
    @Refusals("WRONG_PASSWORD")
    void delete(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody DeleteAccountRequest body) {
        accounts.delete(Caller.of(jwt).userId(), body.password());
    }

    @PostMapping("/verify-email")
    @Operation(
            operationId = "verifyEmail",
            summary = "Follow a verification link: its address becomes the account's, verified")
    @Refusals("TOKEN_INVALID")
    AccountResponse verify(@Valid @RequestBody VerifyEmailRequest body) {
        return AccountResponse.of(verification.verify(body.token()));
    }

    @PostMapping("/verify-email/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "resendVerification", summary = "Mail the verification link again (at most once a minute)")
    @Refusals("TOO_MANY_ATTEMPTS")
    void resend(@AuthenticationPrincipal Jwt jwt) {
        accounts.resendVerification(Caller.of(jwt).userId());
    }

    @PostMapping("/password/forgot")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            operationId = "forgotPassword",
            summary = "Ask for a password-reset link;"
                    + " the answer is the same whether or not an account has the address")
    ForgotPasswordResponse forgot(@Valid @RequestBody ForgotPasswordRequest body) {
        resets.requestReset(body.email());
        return RESET_REQUESTED;
    }

    @PostMapping("/password/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "resetPassword",
            summary = "Set a new password with a reset link; every session of the account ends")
    @Refusals({"TOKEN_INVALID", "WEAK_PASSWORD"})
    void reset(@Valid @RequestBody ResetPasswordRequest body) {
        resets.reset(body.token(), body.newPassword());
    }
}
