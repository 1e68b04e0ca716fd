/** The CLI's version, as `allot --version` prints it. */
export const CLI_VERSION = '0.1.0';
