import type { ScenarioKey, ScenarioText } from './scenarios.ts';

/** Conversations with English-speaking customers (greetings and sign-offs are in phrases.ts). */
export const TEXTS_EN: Record<ScenarioKey, ScenarioText> = {
  login: {
    variants: [
      {
        subjects: ["Can't log in to the dashboard", 'Login keeps failing'],
        opening:
          'Hi, this is {from}. Since this morning I can\'t log in to the dashboard — it says "Authentication failed" even though I\'m sure the password is right. Could you take a look? It\'s a bit urgent.',
      },
      {
        subjects: ['Password reset email never arrives'],
        opening: "I forgot my password and requested a reset three times, but the email never arrives. How can I get back in?",
        answers: [
          "Password reset emails sometimes end up in the spam folder. I've sent a fresh reset link just now; it's valid for 24 hours.",
        ],
        asks: ['Could you check your spam folder, and whether your company filters incoming email from outside domains?'],
        details: ["Nothing in spam. Our IT team says they do block some external senders."],
        resolutions: [
          'Our mail logs show your mail server rejected the reset emails. Once your IT team allows mail from @demo.koe.test, the reset will work — in the meantime I can issue a temporary password if you need one.',
        ],
      },
      {
        subjects: ['Login works in the app but not in the browser'],
        opening: 'Logging in works in the mobile app, but in {browser} on my laptop it just sends me back to the login page.',
        answers: ['This is usually an old saved login in the browser. Please clear the cache and cookies for our site and sign in again.'],
      },
    ],
    answers: [
      "I checked your account: it was temporarily locked after several failed sign-in attempts. I've unlocked it — could you try signing in again?",
    ],
    asks: [
      "Sorry for the trouble signing in. To narrow it down, could you send me:\n- the browser and version you're using\n- the exact error message (a screenshot helps)\n- when you last signed in successfully",
    ],
    details: [
      'Thanks. It\'s the latest {browser}. The error says "Your session has expired".',
      'Screenshot attached. It was working fine until yesterday evening.',
    ],
    notes: [
      'Login history shows {count} failed attempts from an unfamiliar IP; auto-lock kicked in. Recommend a password change.',
      'Same symptom as the known SameSite cookie issue ({ticket}); sending the workaround.',
    ],
    resolutions: [
      'It looks like an old saved login in the browser is the culprit. Please clear the cache and cookies for our site and sign in again — and change your password, just to be safe.',
      "Your account is unlocked. Since we saw sign-in attempts that weren't yours, I'd recommend changing your password and turning on two-factor authentication.",
    ],
  },
  'two-factor': {
    variants: [
      {
        subjects: ['New phone, lost my 2FA codes'],
        opening: "I switched phones last week and now I can't get the two-factor code, so I can't log in. I don't have the backup codes either.",
      },
      {
        subjects: ['Not receiving the verification code'],
        opening: "The SMS verification code never arrives when I log in. My number hasn't changed.",
        answers: ['If SMS codes don\'t arrive, you can switch to an authenticator app instead: choose "Try another way" on the sign-in screen.'],
        resolutions: [
          'Your mobile carrier was delaying SMS delivery; that has cleared up now. To be safe for next time, I\'d recommend also setting up an authenticator app.',
        ],
      },
    ],
    answers: [],
    asks: [
      "To verify it's you, could you reply with:\n- the email address on the account\n- your company name (or the name on your invoices)\n- the amount of your most recent invoice\nOnce that checks out I'll reset two-factor authentication.",
    ],
    details: ['Sure — the account email is this one, and the latest invoice was for {month}.'],
    notes: ['Identity verified against billing details. 2FA reset.', 'SMS delivery log shows carrier-side delays.'],
    resolutions: [
      "Thanks, you're verified and I've reset two-factor authentication. Set it up with your new phone next time you sign in, and keep the backup codes somewhere safe.",
    ],
  },
  invoice: {
    variants: [
      {
        subjects: ['Invoice re-issue request', 'Please update the billing address on our {month} invoice'],
        opening:
          'Hello, {from} here. Could you re-issue our {month} invoice ({invoice}) with our new billing address? Our finance team needs it for the audit.',
      },
      {
        subjects: ['Need a copy of invoice {invoice}'],
        opening: "Hi, I'm {name} from accounts. I can't find the invoice for {month} ({invoice}) — could you send a copy?",
        resolutions: ["I've sent a copy of the {month} invoice ({invoice}) as a PDF. Past invoices are always under Settings > Billing > Invoices."],
      },
    ],
    answers: [
      "I've re-issued the {month} invoice ({invoice}) and sent it to your billing email. You can also download past invoices any time under Settings > Billing > Invoices.",
    ],
    asks: [
      "Happy to re-issue it. Could you send me the exact billing name and address you'd like on the invoice, and a purchase order number if your finance team needs one?",
    ],
    details: ['Please address it to "{company}, Accounts Payable". No PO number needed.'],
    notes: ['Re-issued {invoice} in the billing system and voided the old one.', 'Updated the billing contact so future invoices go to accounts.'],
    resolutions: ['Done — the {month} invoice has been re-issued with the new billing details and sent as a PDF. Future invoices will use the new address too.'],
  },
  payment: {
    variants: [
      {
        subjects: ['Card payment failed', 'Payment declined — will our account be suspended?'],
        opening: "We got an email saying our payment failed. The card hasn't expired. Will our service be suspended?",
      },
      {
        subjects: ['Switch to paying by invoice'],
        opening: "We'd like to switch from card payments to paying by invoice (bank transfer). How do we do that?",
        answers: ['You can apply under Settings > Billing > Payment method. Once approved, invoice billing starts from the following month.'],
        asks: ['Happy to set that up. Who should the invoices be addressed to, and which email should they go to?'],
        details: ['Address them to "{company}, Accounts Payable" and send them to our accounts inbox.'],
        notes: ['Invoice billing requires Pro or above — flagged to sales.'],
        resolutions: ["You're switched to invoice billing. From {month}, you'll receive a monthly invoice payable by the end of the following month."],
      },
    ],
    answers: [
      "Sorry for the worry — your service keeps running for 7 days after a failed payment. Once you update the card under Settings > Billing, we'll retry the charge automatically.",
    ],
    asks: ['Could you tell me the card brand and when you saw the error? Sometimes the card issuer holds the charge for review.'],
    details: ["It's a Visa card, the email came in on {date}.", 'Our bank says the card hit its monthly limit.'],
    notes: ['Payment processor log: declined, over limit.'],
    resolutions: [
      "Thanks for checking with your bank — the retry went through and your account is all set. We'll also remind you three days before each payment from now on.",
    ],
  },
  upgrade: {
    variants: [
      {
        subjects: ['Upgrading to {nextPlan}', 'Question about plans'],
        opening:
          "Hi, {from} here. We're opening more locations and are thinking of moving from {plan} to {nextPlan}. How is billing handled if we switch mid-month?",
      },
      { subjects: ['Adding more seats'], opening: "We'll have {count} more staff joining next month. What's the best plan for us?" },
    ],
    answers: [
      'Thanks for considering an upgrade! If you switch to {nextPlan} mid-month, we prorate the difference and add it to your next invoice. You can change plans any time under Settings > Plan.',
    ],
    asks: ["Great to hear you're growing! To recommend the right plan, how many locations and staff will you have, and do you plan to use the API?"],
    details: ["We'll have 8 locations and about {count} staff, and yes, we want to sync inventory through the API."],
    notes: ['{company}: likely upgrade to {nextPlan}. Looped in the account manager.'],
    resolutions: [
      "For that size, {nextPlan} is the best fit: unlimited locations and higher API limits. I've upgraded {company} to {nextPlan} effective today; the prorated difference will be on your next invoice.",
    ],
  },
  cancel: {
    variants: [
      {
        subjects: ['Cancelling our subscription'],
        opening: "{from} here. We're consolidating tools and would like to cancel at the end of this month. What's the process?",
      },
      {
        subjects: ['Not renewing our contract'],
        opening: "Our renewal is coming up and we're leaning towards not renewing. What happens to our data?",
      },
    ],
    answers: ['You can cancel under Settings > Plan > Cancel. Your data stays available for export for 30 days afterwards.'],
    asks: [
      "Thanks for letting us know. If you don't mind sharing, what's behind the decision? We might be able to adjust your plan — would you have 15 minutes for a quick call?",
    ],
    details: ['Honestly, we never got the hang of the reporting. Happy to talk.', "It's mostly budget. A smaller plan might work."],
    notes: ['Churn reason: low adoption of reporting. Offer onboarding sessions with CSM.', 'High churn risk; propose downgrade to Standard.'],
    resolutions: [
      "Thanks for your time on the call. As agreed, we'll move you to Standard next month and run three onboarding sessions with your team.",
      'Your cancellation is confirmed for the end of the month. You can export your data for 30 days. Thank you for being a customer.',
    ],
  },
  'api-limit': {
    variants: [
      {
        subjects: ['Getting 429 errors from the API', 'Inventory sync stops halfway'],
        opening: 'Our nightly inventory sync hits HTTP 429 (Too Many Requests) halfway through and stops. What are the current limits?',
      },
      {
        subjects: ['API rate limits'],
        opening: "{from} here. Could you temporarily raise our API rate limit ({limit} requests/min)? We're migrating all our data next week.",
        asks: ['Sure, let me check. How long will the migration run, and what peak rate do you expect per minute?'],
        details: ['About a week from Monday, peaking at around 2,000 requests a minute.'],
        resolutions: [
          "I've raised your limit to 3,000 requests per minute for the two-week migration window; it goes back to normal afterwards. The bulk endpoint (up to 500 items per request) will help too.",
        ],
      },
    ],
    answers: [
      'Your plan allows {limit} requests per minute. When you get a 429, wait for the number of seconds in the Retry-After header before retrying. For large updates, the bulk endpoint takes up to 500 items per request.',
    ],
    asks: [
      'Let me check your usage. Could you send the time the errors started, the last 4 characters of the API key, and roughly how many requests per minute you send at peak?',
    ],
    details: ['Started around 2:00 on {date}. Key ends in a9f2, and we peak at about 900 requests a minute.'],
    notes: ['Gateway logs: {count} 429s between 2:00 and 2:40. Suggest the bulk endpoint.', 'Temporarily tripled the limit for the migration window (expires in 2 weeks).'],
    resolutions: [
      "The logs confirm you went over the limit at peak. I'd recommend the bulk endpoint for the sync, and I've raised your limit temporarily for the next two weeks.",
    ],
  },
  export: {
    variants: [
      {
        subjects: ['Exporting order data to CSV', 'How do I export my data?'],
        opening: "I'd like to download the last 12 months of orders as CSV. Where do I find that?",
      },
      {
        subjects: ['Exported CSV looks garbled in Excel'],
        opening: 'When I open the exported CSV in Excel the Japanese product names are garbled.',
        answers: ['The CSV is UTF-8. In Excel use Data > From Text/CSV and choose UTF-8, or tick "Excel-friendly (with BOM)" on the export screen.'],
        asks: ['Which version of Excel are you using (Windows or Mac)?'],
        details: ['Excel 2019 on Windows.'],
        resolutions: ['In Excel 2019, tick "Excel-friendly (with BOM)" on the export screen and the file opens correctly with a double-click.'],
      },
    ],
    answers: ['Go to Data > Export, pick the period and the fields, and download the CSV. For large exports we email you a link when the file is ready.'],
    asks: ['Which data do you need (orders, customers, inventory) and for which period?'],
    details: ['Orders and customers, from {date} onwards.'],
    notes: ['Over 100k rows: pointed them to the async export.'],
    resolutions: ["Your export is ready — we've emailed you a download link (valid for 7 days)."],
  },
  bug: {
    variants: [
      {
        subjects: ["Sales report totals don't match"],
        opening: "The daily totals in the sales report don't match the CSV export — for {date} they're off by about $25.",
        details: ['For {date} the report shows $1,523.00 and the CSV $1,498.20. It only seems to happen on days with refunds.'],
      },
      {
        subjects: ['Error when saving a product'],
        opening:
          'Saving a product fails with "Something went wrong ({error})".\nSteps to reproduce:\n1. Open any product from the list\n2. Change the price\n3. Click Save\n→ error page',
        details: ['Screenshot attached. It happens in {browser}, and on another laptop too.'],
      },
      {
        subjects: ['Order list not loading'],
        opening: "Since yesterday's update the order list just spins and never loads. Same on several devices.",
        details: ['Since about 2pm on {date}, in {browser}.\n1. Open the order list\n2. Filter by date\n3. Go to page 2 — nothing loads'],
      },
    ],
    answers: [],
    asks: [
      'Thanks for reporting this, and sorry for the disruption. To investigate, could you send:\n- when it happened\n- device and browser\n- steps to reproduce (as far as you can)\n- a screenshot of the error',
    ],
    details: [],
    notes: ['Reproduced on staging. Filed as {ticket}. Escalating to Technical.', "Looks like a regression from last week's release; shared with engineering in {ticket}."],
    resolutions: [
      "We found the cause and shipped a fix in today's maintenance window. Could you reload the page and check again? Thanks a lot for the detailed report.",
      'Engineering has fixed this and the fix is live as of today. Sorry for the trouble it caused.',
    ],
  },
  feature: {
    variants: [
      {
        subjects: ['Feature request: {feature}', 'Suggestion'],
        opening: 'We use the product every day and love it. Being able to {feature} would save our staff a lot of time. Any chance?',
      },
      { subjects: ['Would love to {feature}'], opening: 'Feature request: please let us {feature}. Our other store managers keep asking for it too.' },
    ],
    answers: [
      "Thanks for the suggestion! I've passed it on to our product team. I can't promise a date, but I'll let you know when there's news.",
      "Thank you! This is something our team is actively exploring — I'll make sure you hear about the beta first.",
    ],
    asks: [],
    details: [],
    notes: ['{count} requests for this so far this month. Added a vote on the product board.'],
    resolutions: [],
  },
  delivery: {
    variants: [
      {
        subjects: ["Our {device} hasn't arrived", 'Delivery delay for {device}'],
        opening: "We ordered a {device} on {date} (order {order}) and it still hasn't arrived. We open a new store next week and really need it.",
      },
      {
        subjects: ['Where is order {order}?'],
        opening: "{from} here. Could you check the status of order {order}? There's no tracking number yet.",
      },
    ],
    answers: ['Your {device} (order {order}) shipped today and should arrive the morning after tomorrow. Sorry for the wait!'],
    asks: ["Sorry for the wait. I'll check with the warehouse — which store should it go to, and by when do you need it?"],
    details: ["It's for the downtown store. Friday at the latest, if possible."],
    notes: ['Supplier backorder. Replacement unit in stock; asked the warehouse to ship today.', 'Carrier confirms a one-day weather delay.'],
    resolutions: ["We've shipped a replacement unit today, tracking number 4471-{count}-0815. It should arrive Friday morning. Sorry again for the delay."],
  },
  integration: {
    variants: [
      {
        subjects: ['{app} integration error', '{app} sync has stopped'],
        opening: 'Inventory stopped syncing with {app} on {date}. The integration page says "Invalid token".',
      },
      {
        subjects: ['Setting up the {app} integration'],
        opening: "{from} here. We'd like to connect {app} — could you walk us through the setup?",
        asks: ['Happy to help. Do you have an admin account on the {app} side?'],
        details: ['Yes, we do.'],
        resolutions: [
          'Go to Settings > Integrations, choose {app} and sign in with that admin account. The first sync brings in the last 30 days; the "{app} integration guide" in our help center has screenshots of each step.',
        ],
      },
    ],
    answers: ['Go to Settings > Integrations, choose {app} and follow the steps to authorise. Our help center also has a step-by-step "{app} integration guide".'],
    asks: ['Let me look into it. Has anyone changed passwords or permissions on the {app} side recently?'],
    details: ['Now that you mention it, we changed the {app} admin account last week.'],
    notes: ['{app} token revoked on their side; re-auth should fix it.', 'Possible {app} API change; investigating in {ticket}.'],
    resolutions: [
      'Changing the admin account on {app} revoked the integration token. Re-authorise under Settings > Integrations > {app} and syncing resumes, including anything missed.',
    ],
  },
  praise: {
    variants: [
      {
        subjects: ['Thanks for the help last week', 'Thank you!'],
        opening: 'Just wanted to say thanks for the help last week — we opened the new store without a hitch.',
      },
      { subjects: ['Great support'], opening: 'Your team is always quick and kind. Our staff really appreciate it.' },
    ],
    answers: ["That's so kind of you — thank you! I'll share this with the team. It really makes our day."],
    asks: [],
    details: [],
    notes: ['Praise — shared with the agent and the team.'],
    resolutions: [],
  },
  'review-negative': {
    variants: [
      { subjects: ['2★ review: app is slow'], opening: '★★☆☆☆ The app has become really slow lately; closing the register takes forever.' },
      { subjects: ['1★ review: support took days'], opening: '★☆☆☆☆ Took 3 days to get a reply from support. We could not open the store.' },
      { subjects: ['2★ review: harder to use after update'], opening: "★★☆☆☆ The update moved everything around and I can't find anything." },
    ],
    answers: [
      "Thank you for the review, and we're sorry for the trouble. We've shared your feedback with our product team. If you contact us in the app we'd love to look into it with you.",
    ],
    asks: ["We're sorry about this. Could you reach out through Help in the app so we can look into your account?"],
    details: ['Sent a message through the app. It is an iPad (9th generation).'],
    notes: ['1–2★ review: service recovery candidate.', 'Slowness on iPad 9th gen is being investigated in {ticket}.'],
    resolutions: ['Thanks for getting in touch. Version 3.8.2 improves performance a lot — please update and let us know how it goes.'],
  },
  'review-positive': {
    variants: [
      { subjects: ['5★ review: easy to use'], opening: '★★★★★ Super easy to use, our part-time staff picked it up in a day.' },
      { subjects: ['4★ review: helpful support'], opening: '★★★★☆ Support is friendly and helpful. Would love better reports.' },
    ],
    answers: ["Thank you for the great review! We'll keep working to make it even better."],
    asks: [],
    details: [],
    notes: [],
    resolutions: [],
  },
  social: {
    variants: [
      {
        subjects: ['Social: dashboard not loading'],
        opening: "@koe_demo_support the dashboard won't load for me, is something down?",
        answers: ["Sorry about that — we're seeing slow dashboard loads for some customers and are working on it. Updates on our status page."],
      },
      { subjects: ['Social: app keeps crashing'], opening: '@koe_demo_support the register app crashed for the third time today…' },
      {
        subjects: ['Social: question about new feature'],
        opening: '@koe_demo_support is the new reporting available on the Standard plan?',
        answers: ['Great question! The new reports are available on Standard and above.'],
        asks: [],
      },
    ],
    answers: ["Sorry about that! Updating the app to the latest version fixes it — if it doesn't, send us a DM."],
    asks: ['Sorry for the trouble! Could you DM us the email on your account so we can take a look?'],
    details: ['DM sent, thanks.'],
    notes: ['Reported on social; shared in the incident channel.', 'Found the account; checking crash logs ({ticket}).'],
    resolutions: ["We've replied by DM: updating the app to the latest version fixes it. Thanks for flagging!"],
  },
};
