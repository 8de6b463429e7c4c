/** Where the feedback pages live: under "Hỗ trợ", more specific than the hub's own `/support/*`. */
export const feedbackPath = '/support/feedback'
export const feedbackStatusPath = '/support/feedback/status'
