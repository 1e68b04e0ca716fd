/**
 * Where accounts keep what is not a user's own field, in the store's
 * catalogue: so that every replica sees it, and no store method is added
 * per kind. Records of the deployment (not of one workspace) live in a
 * workspace id no workspace can have, since ids start with a letter or digit.
 */
export const DEPLOYMENT_WORKSPACE = '_deployment';

/** A logged-out session, by its token id, until the token would have expired. */
export const REVOKED_SESSION_KIND = 'revoked-session';
/** A pending invitation to set a password, by the sha256 of its secret. */
export const INVITATION_KIND = 'invitation';
/** Recent failed logins of one user or one address. */
export const LOGIN_FAILURES_KIND = 'login-failures';
/** The key sessions are signed with, generated once per deployment. */
export const SESSION_SECRET_KIND = 'session-secret';
/** When a user's sessions were last revoked as a whole (deactivation, deletion): tokens issued before are refused. */
export const USER_SESSIONS_REVOKED_KIND = 'user-sessions-revoked';
/** A user's own settings (theme, notification preferences), by user id. */
export const USER_SETTINGS_KIND = 'user-settings';
/** A workspace's settings and display name as its SuperUser sets them. */
export const WORKSPACE_SETTINGS_KIND = 'workspace-settings';
