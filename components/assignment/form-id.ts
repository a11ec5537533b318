/** The bulk-assign form on /cases; row checkboxes join it with `form={BULK_ASSIGN_FORM_ID}`. */
export const BULK_ASSIGN_FORM_ID = 'bulk-assign';
