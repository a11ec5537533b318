/** The request header proxy.ts sets to the page's path + query, for sign-in's callbackUrl. */
export const PATHNAME_HEADER = 'x-casedesk-pathname';
