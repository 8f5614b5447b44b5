// Two invented sports articles whose analysis has mistakes worth correcting: a club tagged PERSON, a
// headline word tagged as a place, a town merged into its football club.
export const DERBY = [
  'Northtown Edge Easton Rovers in Cup Derby',
  '',
  'NORTHTOWN (Valley Wire) — Northtown FC beat Easton Rovers 2-1 on Sunday in front of 9,000 fans at Millbrook Park, and manager Dara Quill said the win had been a long time coming.',
  '',
  '"We earned this one, and the supporters deserved it," Quill told reporters after the match.',
  '',
  'Meeting organisers from the Valley Football League said ticket sales had doubled since last season.',
  '',
].join('\n');

export const COUNCIL = [
  'Northtown Council Approves New Stadium Road',
  '',
  'The Northtown council voted on Monday to widen the road to Millbrook Park, where Northtown FC play their home games.',
  '',
  '"The road has been too narrow for years," said councillor Ines Marlow, who chairs the transport committee.',
  '',
  'Meeting minutes will be published on Friday, a council spokesperson said.',
  '',
].join('\n');
