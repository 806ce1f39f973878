import { registerAssessments } from '@/features/assessments/register';
import { registerDisputes } from '@/features/disputes/register';
import { registerHazards } from '@/features/hazards/register';
import { registerMeetings } from '@/features/meetings/register';
import { registerPetitions } from '@/features/petitions/register';

/**
 * The composition root's half beside the router: at start-up every feature lends the kernel's
 * registry (ledger/records.ts) what other features open of it. Registering again replaces, so a test
 * may call this for each app it mounts.
 */
export function registerFeatures(): void {
  registerPetitions();
  registerHazards();
  registerAssessments();
  registerDisputes();
  registerMeetings();
}
