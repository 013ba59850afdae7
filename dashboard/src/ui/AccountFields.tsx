"use client";

import { PASSWORD_HINT, USERNAME_HINT } from "@/auth/rules";
import { Field, type FieldProps } from "./Field";
import type { FormError } from "./formError";

/** The username field of a `Form`, with the rules for usernames as its hint. */
export function UsernameField(props: Omit<FieldProps, "name">) {
  return (
    <Field
      name="username"
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      required
      hint={USERNAME_HINT}
      {...props}
    />
  );
}

/** Labels of `NewPasswordFields`, by their names: part of the labels of the `Form`. */
export const NEW_PASSWORD_LABELS = {
  newPassword: "New password",
  confirmPassword: "Repeat the new password",
};

/** A new password, with the rules for passwords as its hint, and the same again to confirm it. */
export function NewPasswordFields() {
  return (
    <>
      <Field
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={PASSWORD_HINT}
      />
      <Field name="confirmPassword" type="password" autoComplete="new-password" required />
    </>
  );
}

/** The error for a confirmation that differs from the new password, or null when they agree. */
export function unequalPasswords(
  values: Record<string, string>,
  message: string,
): FormError | null {
  if (values.newPassword === values.confirmPassword) {
    return null;
  }
  return {
    message,
    fieldMessages: { confirmPassword: message },
    listed: [{ field: "confirmPassword", message }],
  };
}
