// The front-end smoke test: the applicant → officer flow through the gateway with the generated client only.
// Run by tests/EndToEnd.Tests (FrontEndClientTests) against the whole system:
//   SM_GATEWAY=http://localhost:5080 SM_MINISTRY_USER=ministry-admin SM_MINISTRY_PASSWORD=... npx tsx smoke/smoke.ts
import { randomInt } from 'node:crypto';
import { createClient, createConfig, type Client } from '../src/generated/registration/client/index';
import * as identity from '../src/generated/identity/index';
import * as registration from '../src/generated/registration/index';
import * as review from '../src/generated/review/index';
import { signIn } from './signIn';

const gateway = required('SM_GATEWAY');
const authority = '620000'; // 甘肃省: no other end-to-end test uses it, so its package is this test's alone
const password = `Smoke-${randomInt(1e9)}-pw`;
const suffix = `${Date.now()}`;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** A client of the gateway that sends the user's access token (every generated SDK takes it as `client`). */
const clientFor = (token: string): Client => createClient(createConfig({ baseUrl: gateway, auth: () => token }));
const anonymous: Client = createClient(createConfig({ baseUrl: gateway }));

/** The version the answer carries, to send back as If-Match. */
function etagOf(response: Response | undefined): string {
  const etag = response?.headers.get('ETag');
  if (!etag) throw new Error(`${response?.url} answered without an ETag`);
  return etag;
}

/** Shows a problem with its code, bilingual titles, the fields at fault and the trace id, then fails. */
function fail(step: string, problem: registration.Problem | review.Problem | identity.Problem | undefined, response: Response | undefined): never {
  const errors: Record<string, string[]> = problem?.errors ?? {};
  const fields = Object.entries(errors).map(([field, messages]) => `${field}: ${messages.join(' ')}`).join('; ');
  throw new Error(`${step}: ${response?.status} ${problem?.code ?? ''} ${problem?.titleZh ?? ''} / ${problem?.title ?? ''} ${fields} ` +
    `(trace ${problem?.traceId ?? response?.headers.get('traceparent') ?? '?'})`);
}

/** Retries a call while its answer says "not yet" (the system is eventually consistent; see README). */
async function eventually<T extends { response?: Response | undefined }>(call: () => Promise<T>, notYet: (result: NoInfer<T>) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const result = await call();
    if (!notYet(result) || attempt >= 60) return result;
    const retryAfter = Number(result.response?.headers.get('Retry-After') ?? '0');
    await new Promise(resolve => setTimeout(resolve, Math.max(retryAfter * 1000, 500)));
  }
}

/** A valid unified social credit code (GB 32100-2015) for a made-up organisation. */
function creditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `91${authority}` + Array.from({ length: 9 }, () => alphabet[randomInt(10)]).join('') + '';
  const sum = [...body].reduce((total, c, i) => total + alphabet.indexOf(c) * (weights[i] ?? 0), 0);
  return body + alphabet[(31 - (sum % 31)) % 31];
}

/**
 * A self-registered applicant is bound to its organisation only once its authority's officer has checked the
 * business-licence scan (issue 8): the applicant asks with the scan, the officer approves from the worklist.
 * Registration learns of the approval by a message, so a submission just after it may still answer
 * `organisation-not-verified` for a moment (retried below).
 */
async function bindToOrganisation(officer: Client, applicant: Client, organisationName: string): Promise<void> {
  const requested = await identity.requestOrganisationBinding({
    client: applicant, body: { holderName: '王芳', organisationName, licence: pdf('Business licence') },
  });
  if (requested.error || !requested.data) fail('ask for the binding', requested.error, requested.response);
  const approved = await identity.approveOrganisationBinding({ client: officer, path: { bindingId: requested.data.id } });
  if (approved.error) fail('approve the binding', approved.error, approved.response);
}

/** A small well-formed one-page PDF (the platform opens every scan with a real PDF parser). */
function pdf(text: string): Blob {
  const safe = text.replace(/[^A-Za-z0-9 .-]/g, '');
  const content = `BT /F1 12 Tf 20 100 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${object}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map(o => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Blob([out], { type: 'application/pdf' });
}

// The ministry creates an officer for the authority (an operator's step; a front-end's ministry screen does this).
const ministry = clientFor(await signIn(gateway, required('SM_MINISTRY_USER'), required('SM_MINISTRY_PASSWORD')));
const officerName = `officer.smoke.${suffix}`;
const officerAccount = await identity.createAccount({
  client: ministry,
  body: { userName: officerName, password, displayName: '甘肃省工业和信息化厅（冒烟测试）', role: 'authority-officer', authorityCode: authority },
});
if (officerAccount.error) fail('create the officer', officerAccount.error, officerAccount.response);
const officer = clientFor(await signIn(gateway, officerName, password));

// 1. An applicant registers itself and signs in (authorization code + PKCE).
const applicantName = `applicant.smoke.${suffix}`;
const code = creditCode();
const registered = await identity.registerApplicant({
  client: anonymous,
  body: { userName: applicantName, password, displayName: '甘肃某某装备制造有限公司', creditCode: code },
});
if (registered.error) fail('register', registered.error, registered.response);
const applicant = clientFor(await signIn(gateway, applicantName, password));
await bindToOrganisation(officer, applicant, '甘肃某某装备制造有限公司');

// 2. Draft, save (If-Match from the draft's ETag), submit (If-Match from the save's).
const draft = await registration.createApplicationDraft({
  client: applicant,
  body: { category: 'enterprise', organisationName: '甘肃某某装备制造有限公司', creditCode: code, authorityCode: authority },
});
if (draft.error || !draft.data) fail('create the draft', draft.error, draft.response);
const applicationId = draft.data.id;
const saved = await registration.saveApplicationForm({
  client: applicant,
  path: { applicationId },
  headers: { 'If-Match': etagOf(draft.response) },
  body: {
    contact: { name: '王芳', title: '副总经理', phone: '0931-8888000', email: 'wangfang@example.cn' },
    declarations: { operatingAndFinancialConditionGood: true, incidents: [] },
    enterprise: {
      manufacturingIndustry: '专用设备制造业', serviceMode: 'fullLifeCycleManagement', otherModeDescription: null,
      revenues: [{ year: 2022, operatingRevenue: 52000, serviceRevenue: 18000 }], // 万元
      transformationMeasures: '远程运维与全生命周期服务', results: '服务收入占比三年提高 15 个百分点',
    },
  },
});
if (saved.error) {
  // A 412 carries the application as it now stands: show it, then decide again with its ETag.
  if ('current' in saved.error) fail(`save: someone else saved version ${saved.error.current.version}`, saved.error, saved.response);
  fail('save', saved.error, saved.response);
}
const submitted = await eventually(() => registration.submitApplication({
  client: applicant, path: { applicationId }, headers: { 'If-Match': etagOf(saved.response) },
}), r => r.error?.code === 'organisation-not-verified');
if (submitted.error) {
  if (submitted.error.code === 'application-incomplete')
    fail(`submit: still missing ${Object.keys(submitted.error.errors ?? {}).join(', ')}`, submitted.error, submitted.response);
  fail('submit', submitted.error, submitted.response);
}

// 3. The officer passes it in initial review: the case exists once the relay has delivered the submission.
const reviewCase = await eventually(() => review.getReviewCase({ client: officer, path: { applicationId } }),
  r => r.error?.code === 'review-case-not-found');
if (reviewCase.error) fail('read the review case', reviewCase.error, reviewCase.response);
const passed = await review.decideInitialReview({
  client: officer, path: { applicationId }, headers: { 'If-Match': etagOf(reviewCase.response) }, body: { decision: 'pass', reason: null },
});
if (passed.error) fail('pass', passed.error, passed.response);

// 4. The applicant uploads the stamped form once its status shows the pass (it lags the officer's decision).
const uploaded = await eventually(
  () => registration.uploadStampedForm({ client: applicant, path: { applicationId }, body: pdf(applicationId) }),
  r => r.error?.code === 'stamped-form-after-passing');
if (uploaded.error || !uploaded.data) fail('upload the stamped form', uploaded.error, uploaded.response);
const campaignId = uploaded.data.campaignId;

// 5. The officer recommends it (once Review knows the campaign and the stamped form), uploads the stamped summary
//    table and submits the package to the ministry.
const recommended = await eventually(() => review.recommend({ client: officer, body: { applicationId } }),
  r => r.error?.code === 'campaign-not-yet-known' || r.error?.code === 'not-recommendable');
if (recommended.error) fail('recommend', recommended.error, recommended.response);
const table = await review.uploadSummaryTableScan({ client: officer, query: { campaignId }, body: pdf(`summary ${authority}`) });
if (table.error) fail('upload the summary table', table.error, table.response);
const pkg = await review.submitPackage({ client: officer, body: { campaignId, reason: null } });
if (pkg.error || !pkg.data) fail('submit the package', pkg.error, pkg.response);

console.log(`smoke: application ${applicationId} submitted, passed, recommended and sent to the ministry in package ` +
  `${pkg.data.packageId} (${pkg.data.entries} entries, ${pkg.data.contentHash}); trace ${pkg.response?.headers.get('traceparent')}`);
