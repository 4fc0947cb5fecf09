// Pages the session gate sends people to.

/** Where a user with a one-time password must go before anything else (and anyone may change theirs). */
export const CHANGE_PASSWORD_PATH = "/account/password";
