/** Every demo and fixture user's password in tests. */
export const TEST_PASSWORD = 'Test-password-2025';
