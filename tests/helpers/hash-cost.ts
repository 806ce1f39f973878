/**
 * The scrypt cost N tests hash passwords at: the backend's floor, 2^10, 32 times cheaper than the
 * production 2^15, so their many accounts take milliseconds, through the same code.
 * Unit tests pass it to openBackend; the e2e web app gets it as ZZ_TEST_HASH_COST.
 */
export const TEST_PASSWORD_HASH_COST = 2 ** 10;
