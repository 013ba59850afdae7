/** The account rules as the API applies them, worded for the people filling in the forms. */
export const USERNAME_HINT =
  "3 to 32 characters: letters, digits, dots, underscores and hyphens, starting with a letter or digit.";

export const PASSWORD_HINT =
  "At least 10 characters. Not a common password, and not containing your username or email address.";
