// A small corpus written for story-by-story ranking: one local paper's page of four briefs on four events,
// two other outlets' full reports of two of those events (the first reprints its brief's paragraphs as
// wire copy, the second tells its story in its own words), and an article on a fifth subject.

const SLUICE_LEAD =
  'TARNE — Floodwater poured across two thousand hectares of barley and potato fields on Sunday after a ' +
  'sluice gate on the Orvel canal jammed open during the night, the Orvel Valley Water Board said.';
const SLUICE_BOARD =
  'Board engineer Halvard Renske said a corroded hinge pin had sheared as the gate was being lowered, and ' +
  'that crews had dropped steel stop logs into the channel by dawn to hold back the rest of the reservoir.';
const SLUICE_FARMERS =
  'Farmers around Tarne and Vellow said the water had reached the eaves of their storage barns and that ' +
  'seed potatoes stored for the spring planting were probably lost.';

const RECALL_LEAD =
  'BRASK — Kelder Motors is recalling forty thousand Corvane delivery vans because a faulty brake hose ' +
  'can chafe against the front axle and leak fluid, the carmaker said on Monday.';
const RECALL_REST =
  'Owners will be told by letter to bring the vans to a dealer, where mechanics will fit a clip that keeps ' +
  'the hose away from the axle. The company said it knew of three minor crashes linked to the fault.';

/** The page of briefs: four stories, each a headline, a dateline and a few paragraphs. */
export const BRIEFS_PAGE =
  'HARLING EVENING POST\n' +
  'Home | News | Business | Sport | Weather | Letters | Subscribe\n' +
  '\n' +
  'NEWS IN BRIEF\n' +
  '\n' +
  'Orvel canal sluice fails, flooding farms near Tarne\n' +
  '\n' +
  `${SLUICE_LEAD}\n` +
  '\n' +
  `${SLUICE_BOARD}\n` +
  '\n' +
  `${SLUICE_FARMERS}\n` +
  '\n' +
  'Harling library to open on Sundays from May\n' +
  '\n' +
  'HARLING — The central library on Quay Street will open on Sunday afternoons from the first of May, after ' +
  'the town council found money in its culture budget for two more librarians.\n' +
  '\n' +
  'Head librarian Ottilie Brandt said the reading rooms were full every Saturday and that families had asked ' +
  'for a quiet place to study at weekends. The children’s floor will run a story hour at three o’clock.\n' +
  '\n' +
  'Kelder Motors recalls Corvane vans over brake hoses\n' +
  '\n' +
  `${RECALL_LEAD}\n` +
  '\n' +
  `${RECALL_REST}\n` +
  '\n' +
  'Harling Rovers sign goalkeeper Piet Lammers\n' +
  '\n' +
  'HARLING — Harling Rovers have signed the goalkeeper Piet Lammers on a two-year contract from Ostby Town, ' +
  'the club announced on Tuesday, ending a month-long search for a replacement for their injured captain.\n' +
  '\n' +
  'Manager Dagny Vorst said Lammers had kept eleven clean sheets last season and would start in goal ' +
  'against Mersley on Saturday. The fee was not disclosed.\n' +
  '\n' +
  '© 2026 Harling Evening Post. All rights reserved.\n';

/** Another outlet's report of the sluice failure, reprinting the brief's paragraphs among its own. */
export const SLUICE_REPORT =
  'Orvel Valley farmers count losses after canal sluice gate fails\n' +
  '\n' +
  'By Maren Toft\n' +
  '\n' +
  `${SLUICE_LEAD}\n` +
  '\n' +
  `${SLUICE_BOARD}\n` +
  '\n' +
  `${SLUICE_FARMERS}\n` +
  '\n' +
  'The Orvel Valley Water Board said the gate, one of six that regulate the flow from the Orvel reservoir ' +
  'into the irrigation canal, had last been inspected in the autumn and had shown no sign of wear. Renske ' +
  'said divers would examine the other five gates this week before the board decided whether to lower the ' +
  'reservoir.\n' +
  '\n' +
  'In Vellow, volunteers filled sandbags outside the village hall while tractors pumped water from flooded ' +
  'barns. Farmer Ingrid Sollen said her barley had been sown only a fortnight ago. "The whole field is a ' +
  'lake. We will have to drill it again when the water goes down, if the seed merchants have any left," she ' +
  'said.\n' +
  '\n' +
  'The regional farming union asked the Water Board to compensate growers for the flooded fields and the ' +
  'lost seed potatoes, and said it would meet board officials in Tarne on Thursday. The board said it would ' +
  'publish its findings on the hinge pin failure within a month.\n';

/** A third outlet's report of the van recall, in its own words (no passage in common with the page). */
export const RECALL_REPORT =
  'Corvane van owners told to book brake checks in Kelder recall\n' +
  '\n' +
  'BRASK — Kelder Motors has asked the owners of about forty thousand Corvane vans to book a free brake ' +
  'inspection, after engineers found that a brake hose on early models rubs on the front axle until it ' +
  'splits and loses fluid.\n' +
  '\n' +
  'The Brask carmaker said dealers would fit a plastic retaining clip to the hose in under an hour. Kelder ' +
  'Motors linked three low-speed collisions to the chafed hoses and said none had caused injuries.\n' +
  '\n' +
  'Fleet operators, who run most of the Corvane vans on parcel rounds, said the recall would take vans off ' +
  'the road for a morning each. Kelder Motors said it would lend replacement vans to the largest fleets.\n';

/** An article on a fifth subject, related to none of the others. */
export const UNRELATED_REPORT =
  'Glassworks museum in Ostby wins heritage award\n' +
  '\n' +
  'OSTBY — The Ostby Glassworks Museum, housed in a furnace hall that made bottles for a century, has won ' +
  'the national heritage prize for its restoration of the hall’s brick kilns.\n' +
  '\n' +
  'Curator Elsbeth Narum said the prize money would pay for a workshop where visitors can watch glassblowers ' +
  'at work. The museum expects its visitor numbers to double over the summer.\n';

/** File name → text. */
export const BRIEFS_CORPUS: Record<string, string> = {
  'harling-post-briefs.txt': BRIEFS_PAGE,
  'valley-record-sluice.txt': SLUICE_REPORT,
  'motor-trade-recall.txt': RECALL_REPORT,
  'ostby-glassworks.txt': UNRELATED_REPORT,
};

export const BRIEFS_FILE = 'harling-post-briefs.txt';
export const SLUICE_FILE = 'valley-record-sluice.txt';
export const RECALL_FILE = 'motor-trade-recall.txt';
export const UNRELATED_FILE = 'ostby-glassworks.txt';
