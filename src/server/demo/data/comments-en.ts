import type { CommentBank } from './comments.ts';

export const COMMENTS_EN: CommentBank = {
  csat: {
    high: [
      'Quick and friendly answer, thank you!',
      'Solved in one reply. Exactly what I needed.',
      'Very clear explanation, and the screenshots helped a lot.',
      'Fast response even though it was late in the day.',
      'Great support as always. The fix worked right away.',
      'Thanks for following up until it was really sorted out.',
      'Helpful and patient with all my questions.',
      'The chat connected me with someone in under a minute.',
      'I appreciated that you explained why it happened, not just how to fix it.',
      'Smooth experience from start to finish.',
      'Got my answer before I even finished my coffee.',
    ],
    middle: [
      'Resolved, but it took a bit longer than I expected.',
      'The answer was fine, though I had to ask twice to get the details.',
      'It works now, but I still do not know what caused it.',
      'A link to the docs was not enough; step-by-step instructions would have helped.',
      'OK overall. Nothing special.',
      'The workaround is fine for now, waiting for a proper fix.',
    ],
    low: {
      wait: [
        'Waited more than a day for the first reply.',
        'I marked it urgent and still heard nothing until the next morning.',
        'Had to chase twice before anyone answered.',
        'Far too slow for something that blocked our whole team.',
      ],
      unclear: [
        'The explanation was confusing and did not match what I see on screen.',
        'Felt like a canned answer that ignored my actual question.',
        'I followed the steps and it still did not work.',
        'Too much jargon, I could not tell what I was supposed to do.',
      ],
      transfer: [
        'I was passed around between three people and had to repeat myself each time.',
        'Got handed over to another team and then nothing happened for days.',
        'Nobody seemed to own my ticket.',
      ],
      refund: [
        'Still waiting for my refund after several emails.',
        'Nobody could tell me when the double charge would be reversed.',
        'Fixing a simple invoice took a week; we missed our month-end close.',
        'The cancellation and refund terms were not explained clearly.',
      ],
      login: [
        'Locked out of my account for half a day.',
        'Resetting two-factor took far too long.',
        'Password reset did not help, I had to call in the end.',
      ],
      bug: [
        'The export bug is still not fixed.',
        'I sent repro steps twice and never heard what happens next.',
        'A workaround is not a fix. When will this be solved?',
      ],
      reopen: [
        'Marked as solved, but the problem came back the next day.',
        'It was closed without checking that it actually worked.',
        'Had to open the same issue again.',
      ],
    },
  },
  ces: {
    easy: [
      'Easy, I just followed the steps.',
      'One message and it was done.',
      'The screen share saved me a lot of explaining.',
      'No effort at all on my side.',
    ],
    middle: [
      'Finding and sending the log files was a bit of a hassle.',
      'Took a few rounds of changing settings to narrow it down.',
      'The API docs were hard to navigate.',
    ],
    hard: [
      'I had to send the same information several times.',
      'Every new person asked me to start from the beginning.',
      'Setting up a test environment just to reproduce it took two days.',
      'The documentation is out of date, so I had to ask support for everything.',
    ],
  },
  nps: {
    promoter: [
      'Support is fast and the product just works.',
      'Our whole team picked it up in a day.',
      'Works in both Japanese and English, which our offices need.',
      'Great value for the price; I recommend it to other teams.',
      'It keeps getting better with every release.',
    ],
    passive: [
      'Good product, but the reports could be more flexible.',
      'Happy overall, the price is a little high for a small team.',
      'It does the job, nothing more.',
      'The mobile app needs work.',
    ],
    detractor: [
      'Too many bugs lately; it disrupts our work.',
      'Missing features we were promised.',
      'Billing problems keep coming back.',
      'We are evaluating alternatives.',
    ],
  },
};
