"""The words by which ACLED's taxonomy tells sub-event types apart, as regular expressions.

Responsible for: the vocabulary of the taxonomy's own tests (`../shared/datasets/dateline-dev-events/
taxonomy.md` and ACLED's codebook): ground handed over or taken, deals, looting, detentions, force
short of injury against a crowd, crowd and mob violence, one-sided killings and reciprocal fire,
people taken from their homes, killings of detainees, closures and other measures, harm.
Not responsible for: deciding anything with them; `events.coding_rules` moves the probabilities.
Each pattern is compiled once at import; the rules search sentence and paragraph texts with them.
"""
from __future__ import annotations

import re

# "opened fire" is a shooting; "opened a new observation post" is a base.
OPENED_FIRE = re.compile(r"\bopened (?:the )?(?:heavy |indiscriminate |live )?fire\b", re.IGNORECASE)
# ACLED codes a detention whose victim's fate is then hidden as a forced disappearance, whoever held him.
DISAPPEARED = re.compile(r"\b(?:whereabouts (?:are |is |remain |remains )?(?:still )?unknown|nothing of (?:his|her|their) "
                         r"whereabouts|(?:has|have|had) not been (?:heard from|seen|heard of) since|(?:has|have) not been able to "
                         r"(?:locate|find|reach)|forcibly disappeared|disappeared (?:since|after|in custody)|"
                         r"den(?:y|ies|ied) (?:holding|detaining|having)|incommunicado|fate (?:is |remains )?unknown|"
                         r"(?:had|have|has) (?:had )?no news (?:of|from|about) (?:him|her|them)|"
                         r"(?:none|no one|nobody) (?:of them )?(?:has|have|had) (?:since )?(?:returned|come back|been released)|"
                         r"never (?:came|come|returned) (?:back|home)|not in (?:its|their|our|his) custody|"
                         r"(?:has|have|had) no record of (?:him|her|them|his|her|their)|"
                         r"refus\w* to (?:confirm|disclose|say|reveal) where)", re.IGNORECASE)
# taxonomy: "People are taken against their will by an armed actor": people led off, carried away or
# bundled into a vehicle, whatever verb the outlet uses ("took him from a tea stall", "pulled 30
# passengers off two buses", "was bundled into an unmarked car")
_PERSONS = (r"(?:him|her|them|people|men|women|boys|girls|children|pupils|students|passengers|villagers|residents|"
            r"civilians|workers|farmers|traders|worshippers|travell?ers|herders|fishermen|hostages|captives|youths|"
            r"(?:an? |the )?(?:[\w'’-]+ ){0,2}?(?:man|woman|boy|girl|child|trader|journalist|reporter|activist|blogger|"
            r"doctor|nurse|teacher|lecturer|professor|student|priest|pastor|imam|cleric|chief|official|engineer|"
            r"businessman|aid worker|driver|farmer|lawyer|judge|politician|candidate))")
_TAKING = (r"(?:took|taken|taking|takes|led|leading|carried|carrying|marched|dragged|bundled|hauled|pulled|snatched|"
           r"whisked|spirited|forced)")
PEOPLE_TAKEN = re.compile(r"\b(?:" + _TAKING + r"\s+(?:away|off)\s+(?:[\w'’-]+\s+){0,4}?" + _PERSONS + r"\b|"
                          + _TAKING + r"\s+(?:[\w'’-]+\s+){0,4}?" + _PERSONS +
                          r"\s+(?:[\w'’-]+\s+){0,3}?(?:away|off|into (?:the (?:bush|forest|hills|mountains)|(?:an?|their|a waiting) "
                          r"(?:[\w-]+ ){0,2}?(?:vehicles?|cars?|trucks?|suvs?|pick-?ups?|vans?|boats?|minibus))|"
                          r"from (?:his|her|their|a|an|the) |(?:as |for )?(?:hostages?|captives?|ransom))|"
                          r"(?:was|were|been|being) (?:bundled|dragged|forced|pushed|hauled|taken|led|carried) (?:away|off|"
                          r"into (?:an?|the) (?:[\w-]+ ){0,2}?(?:vehicles?|cars?|trucks?|suvs?|pick-?ups?|vans?)|"
                          r"at (?:an? |the )?(?:checkpoint|roadblock)))", re.IGNORECASE)
# deaths that end the story of people taken: the killing is the event ("the body of a kidnapped trader was found")
KILLED = re.compile(r"\b(?:kill\w*|dead|died|bod(?:y|ies)|corpses?|remains|murder\w*|executed|beheaded)\b", re.IGNORECASE)
# taxonomy: "kidnappings for ransom, mass abductions ..., hostage-taking" whoever reports them
KIDNAP = re.compile(r"\b(?:kidnapp?\w*|abduct\w*|hostages?|ransom|snatched)\b", re.IGNORECASE)
DOWNED = re.compile(r"\b(?:shot down|downed|intercept(?:ed|ing)|(?:destroyed|neutrali[sz]ed) (?:\d+ (?:of|out of) (?:the )?\d+ |"
                    r"all \w+ )(?:\w+ )?(?:drones|missiles|rockets|uavs|shaheds))\b", re.IGNORECASE)
# taxonomy: "Bodies found with signs of violence, when the report attributes them ..., are coded here" (Attack)
BODIES = re.compile(r"\b(?:(?:bodies|corpses|body) (?:of )?(?:[\w'’-]+ ){0,10}?(?:found|discovered|recovered) (?:[\w'’-]+ ){0,6}?"
                    r"(?:with|bearing) (?:gunshot|bullet|stab|torture)|"
                    r"(?:bodies|corpses|body) (?:\w+ ){0,4}?(?:dumped|(?:bearing|with) (?:gunshot|bullet|stab|torture|"
                    r"signs)|(?:found|discovered) (?:shot|strangled|beheaded|hanged|executed|stabbed|tortured|"
                    r"with (?:their|his|her) hands tied))|found (?:strangled|shot dead|beheaded|hanged|executed|stabbed|"
                    r"tortured))\b", re.IGNORECASE)
GRAVE = re.compile(r"\b(?:mass graves?|exhum\w+)\b", re.IGNORECASE)
# taxonomy's "Other": mass graves, curfews, emergencies, closures, sieges and blocked convoys, eviction
# orders, levies and bans, parades
OTHER_MEASURE = re.compile(r"\b(?:mass graves?|exhum\w+|curfews?|state of emergency|martial law|"
                           r"(?:clos(?:ed|ing|es|ure of)|shut(?:ting)?(?: down)?|seal(?:ed|ing)(?: off)?)\s+(?:the\s+)?"
                           r"(?:[\w'’-]+\s+){0,2}?"
                           r"(?:crossings?|border|borders|roads?|highway|bridges?|airport|airspace|oil ?fields?|ports?|"
                           r"terminals?)|(?:block(?:ed|ing)|prevent(?:ed|ing)|turn(?:ed|ing) back)\s+"
                           r"(?:\w+\s+){0,3}?convoys?|convoys?\s+(?:[\w'’-]+\s+){0,8}?(?:was|were)\s+(?:turned back|blocked|"
                           r"stopped|refused|denied)|eviction orders?|(?:ordered|gave|given|told)\s+(?:[\w'’-]+\s+){1,8}?"
                           r"(?:to (?:vacate|leave their (?:homes|houses))|eviction)|imposed\s+(?:\w+\s+){0,2}?(?:tax|taxes|levies|levy|"
                           r"fees?|bans?|royalties)|(?:charg|collect|impos|levy|levi|extort)\w*\s+(?:[\w'’-]+\s+){0,3}?"
                           r"(?:an? )?['‘\"“]?(?:tolls?|levies|taxes|zakat|protection money|ransoms? on (?:trucks|vehicles))|"
                           r"tighten\w* (?:the |its |their )?siege|cut(?:ting)? (?:off )?the (?:last|only|main) "
                           r"(?:road|route|supply (?:line|route)|access)|military parade|celebratory gunfire)\b", re.IGNORECASE)
# taxonomy: "formation of a new group, mergers, splits, defections, dissolution, new leaders, large
# recruitment drives, troop reinforcements and redeployments, and relocation of fighters"
GROUP_CHANGE = re.compile(r"\b(?:(?:announced|formed|forged|sealed|declared|created|launched)\s+(?:an? |the |its |their )?"
                          r"(?:new |joint )?(?:[\w'’-]+ )?(?:alliance|coalition|merger|union|front|umbrella group|"
                          r"operations room)|merg(?:ed|er) (?:with|into)|recruitment (?:drive|campaign)|"
                          r"(?:sent|dispatched|deployed|received|brought in)\s+(?:[\w'’-]+\s+){0,4}?(?:reinforcements|more "
                          r"(?:troops|soldiers|police|officers|fighters))|redeploy\w*|defect(?:ed|ion)|switched sides|"
                          r"relocat(?:ed|ing) (?:its|their|the)|(?:named|appointed|chose|elected) (?:an? |its |their )?"
                          r"new (?:leader|commander|emir|chief)|dissolved (?:itself|the group)|split (?:from|into))\b",
                          re.IGNORECASE)
# A crowd's own protest act told as done: "marched down the avenue", "staged a sit-in", "blocked a bridge"
PROTEST_ACT = re.compile(r"\b(?:marched|rallied|protested|demonstrated|took to the streets|(?:staged|held|organi[sz]ed) "
                         r"(?:a |an )?(?:[\w-]+ )?(?:sit-in|protest|rally|march|demonstration|vigil|strike)|"
                         r"blocked (?:a |the )?(?:[\w-]+ ){0,2}?(?:road|intersection|highway|street|bridge|junction|square))\b",
                         re.IGNORECASE)
# taxonomy's "Other": "non-weapon confrontations between foreign forces"
NO_WEAPONS = re.compile(r"\b(?:no (?:weapons|shots|arms|guns|firearms) (?:were|was) (?:used|fired|drawn)|without (?:firing a "
                        r"shot|weapons|a shot being fired)|with (?:their )?(?:fists|bare hands)|fist-?fights?|"
                        r"blocked each other|rammed each other|(?:tense )?stand-?off)\b", re.IGNORECASE)
# taxonomy: force "short of killing or seriously injuring anyone" is an intervention; light injuries included
SERIOUS_HARM = re.compile(r"\b(?:kill\w*|dead|died|deaths?|fatal\w*|lethal|seriously|critically|gravely|severely|"
                          r"hospitali[sz]\w*|in hospital|to hospital|intensive care|head injuries|lost (?:an|his|her) eye|"
                          r"broken (?:bones|limbs|skulls?))\b", re.IGNORECASE)
# taxonomy: "beatings that send people to hospital" (a killing a crowd protests against is its cause, not this)
BADLY_HURT = re.compile(r"\b(?:seriously|critically|gravely|severely) (?:injur\w+|wounded|hurt|beaten)|hospitali[sz]\w*|"
                        r"(?:taken|rushed|admitted|sent) to hospital|in hospital|intensive care|head injuries|"
                        r"lost (?:an|his|her) eye|broken (?:bones|limbs|skulls?)\b", re.IGNORECASE)
# Suicide vests and belts found or taken before use tell of a foiled plot, not of a suicide bombing
KIT_SEIZED = re.compile(r"\b(?:seiz\w*|confiscat\w*|found|discover\w*|recover\w*|defus\w*|dismantl\w*)\s+"
                        r"(?:[\w'’-]+\s+){0,6}?(?:explosive|suicide) (?:vests?|belts?)\b", re.IGNORECASE)
# "banners signed by the cartel": a signature, not a deal (no deal named)
AUTHORED = re.compile(r"^(?!.*\b(?:agreements?|deals?|truces?|ceasefires?|accords?|memorand\w*)\b).*\bsigned by\b",
                      re.IGNORECASE | re.DOTALL)
HARMED = re.compile(r"\b(?:kill\w*|dead|died|deaths?|wounded|injured|injuring|casualties|victims)\b", re.IGNORECASE)

# taxonomy: "one side withdraws and the other moves in, a base is handed over ... a withdrawal reported
# on its own"; a group merely moving its men about is a change to the group, which these words are not
HANDOVER = re.compile(r"\b(?:hand(?:ed|ing|s)\s+(?:over\b|(?:it|them|the \w+|\w+)\s+(?:over\s+)?to\b)|"
                      r"withdr(?:ew|awn|awing|aws?)\s+(?:\w+\s+){0,3}?from|pull(?:ed|ing|s)\s+out\s+(?:of|from)|"
                      r"evacuat(?:ed|ing|es)\s+(?:its|their|the)\s+(?:\w+\s+)?(?:base|post|positions?|outposts?)|"
                      r"abandon(?:ed|ing|s)\s+(?:its|their|the)\s+(?:\w+\s+)?(?:base|bases|post|posts|positions?)|"
                      r"ced(?:ed|ing) (?:control of )?|transferr(?:ed|ing) control of|handover of)",
                      re.IGNORECASE)
NO_FIGHT = re.compile(r"\b(?:no (?:fighting|clashes|resistance) (?:was |were )?reported|without (?:a |any )?"
                      r"(?:fight|fighting|resistance|a shot)|barely any (?:fighting|resistance)|unopposed|"
                      r"switch(?:ed|ing) sides)\b",
                      re.IGNORECASE)
# taxonomy: "reach or implement a deal: ceasefires and truces, evacuation deals, surrenders, prisoner and
# body exchanges"
DEAL = re.compile(r"\b(?:agreed (?:to|on|for|that)|reached (?:an? |the )?(?:[\w-]+ )?(?:agreement|deal|truce|ceasefire|"
                  r"settlement)|"
                  r"signed (?:an? |the )?(?:agreement|deal|truce|accord)|swapp?(?:ed|ing) (?:\w+ )?(?:prisoners|detainees|"
                  r"bodies)|(?:prisoners|detainees|bodies) (?:were |was )?(?:exchanged|swapped)|exchange of (?:prisoners|"
                  r"detainees|bodies)|surrender(?:ed|ing) to|agreed (?:[\w'’-]+ ){1,3}?on (?:the )?(?:release|exchange|withdrawal|"
                  r"ceasefire|truce|handover|evacuation)|brokered (?:an? |the )?(?:deal|truce|ceasefire|agreement)|"
                  r"(?:ceasefire|truce) (?:took effect|came into (?:force|effect)|was (?:agreed|signed|reached))|"
                  r"in exchange (?:for|of) (?:the (?:release|freedom) of |the )?(?:prisoners|detainees|hostages|captives))\b",
                  re.IGNORECASE)
TAKEN = re.compile(r"\b(?:loot(?:ed|ing)|stole|stolen|steal(?:ing|s)?|plunder(?:ed|ing)|pillag(?:ed|ing)|ransack(?:ed|ing)|"
                   r"emptied the (?:safes?|vaults?|stores?|warehouses?)|set (?:ablaze|fire to)|(?:burn(?:ed|t)|razed|torch(?:ed|ing)|"
                   r"demolish(?:ed|ing)|bulldoz(?:ed|ing)) (?:down )?(?:\w+ ){0,2}?(?:houses|homes|fields|crops|shops|"
                   r"vehicles|cars|trucks|buses|lorries|tankers|offices?|buildings|mosques|churches|schools))\b", re.IGNORECASE)
DETAINED = re.compile(r"\b(?:arrest\w*|detain\w*|rounded up|taken into custody|apprehend\w*|nabbed)\b", re.IGNORECASE)
RESTRAINED = re.compile(r"\b(?:tear[- ]?gas|water cannons?|batons?|baton-charg\w*|dispers\w*|kettl\w*|pushed back|"
                        r"scuffl\w*|rubber bullets|(?:shots|fired|firing) (?:\w+ )?in(?:to)? the air|warning shots|"
                        r"stun grenades|pepper spray|beat (?:and|them)|beaten|truncheons|whips|stun guns?|tasers?|"
                        r"charged (?:at )?(?:the )?(?:crowds?|protesters|demonstrators|marchers)|chased (?:them )?(?:away|off))\b",
                        re.IGNORECASE)
LIVE_FIRE = re.compile(r"\blive (?:fire|ammunition|rounds|bullets)\b", re.IGNORECASE)
CROWD_VIOLENCE = re.compile(r"\b(?:set (?:fire to|ablaze|alight)|torch(?:ed|ing)|burn(?:ed|t|ing) (?:\w+ )?(?:tyres|tires|"
                            r"cars|vehicles?|buildings?|offices?|station|headquarters|banks?)|threw (?:stones|rocks|"
                            r"petrol bombs|molotovs?|firecrackers|fireworks|bricks|bottles|objects|projectiles|"
                            r"chairs|eggs)|rammed (?:\w+ ){0,2}?(?:truck|car|vehicle|bus)|throwing (?:stones|rocks|molotovs?|petrol bombs)|"
                            r"pelt(?:ed|ing)|stoned|molotovs?|vandali[sz]\w*|smash(?:ed|ing)|ransack(?:ed|ing))\b",
                            re.IGNORECASE)
MOB_WORDS = re.compile(r"\b(?:mobs?|angry (?:crowd|residents|villagers|men|youths?)|lynch\w*|vigilantes?|"
                       r"brawls?|(?:residents|villagers|locals|townspeople|youths)(?: (?:of|in|from) [\w'’-]+(?: [\w'’-]+){0,3}?)? "
                       r"(?:\w+ )?(?:stoned|lynched|beat|attacked|set upon|torched|burned|set fire|set on fire))\b",
                       re.IGNORECASE)
# taxonomy (Mob violence): "communal attacks on homes and places of worship" by a crowd
CROWD_ATTACK = re.compile(r"\b(?:crowds?|mobs?|hundreds of (?:residents|villagers|men|youths)|residents|villagers|youths)\s+"
                          r"(?:\w+\s+){0,2}?(?:set fire to|torched|burned|burnt|looted|ransacked|attacked|stormed|vandali[sz]ed)\s+"
                          r"(?:[\w'’-]+\s+){0,6}?(?:homes?|houses?|shops?|stores?|churches|church|mosques?|temples?|shrines?|"
                          r"businesses|stalls?|properties|vehicles)\b", re.IGNORECASE)
TAKEN_AWAY = re.compile(r"\b(?:took|taken|seized|snatched|dragged|grabbed|abducted|led)\s+(?:[\w'’-]+\s+){1,6}?"
                        r"(?:from|outside|out of)\s+(?:his|her|their|the)\s+(?:homes?|houses?|cars?|vehicles?|beds?|"
                        r"shops?|school|workplace|office)\b", re.IGNORECASE)
KILLED_HELD = re.compile(r"\b(?:(?:detained|arrested|abducted|kidnapped|seized|captured)\s+and\s+(?:then\s+)?"
                         r"(?:killed|executed|shot|beheaded|tortured to death)|(?:killed|executed|shot dead|beheaded|"
                         r"field-execution)\s+(?:[\w'’-]+\s+){0,10}?after\s+(?:arresting|detaining|abducting|kidnapping|"
                         r"capturing)|executions? of (?:detainees|prisoners)|died (?:under torture|in custody))\b",
                         re.IGNORECASE)
PEACEFUL_END = re.compile(r"\b(?:without (?:any )?(?:arrests|incidents?|violence|clashes)|no arrests|"
                          r"no (?:incidents?|clashes|violence) (?:were |was )?reported|(?:ended|dispersed|passed) "
                          r"peacefully|peaceful so far)\b", re.IGNORECASE)
CLEARED = re.compile(r"\b(?:cleansed|cleared|purged|freed|rid)\s+(?:[\w'’-]+\s+){1,5}?of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                     r"(?:militants?|terrorists?|rebels?|militias?|fighters|gunmen|insurgents|remnants|elements|"
                     r"occupiers|invaders|mercenaries)\b", re.IGNORECASE)
ORGANISED_ARMS = re.compile(r"\b(?:gunmen|militants?|fighters|soldiers|troops|rebels|militia\w*|gangs?|bandits|"
                            r"insurgents|jihadists|terrorists|armed men|tribesmen|clansmen|tribal fighters|"
                            r"members of (?:an? |the )?(?:[\w-]+ )?(?:tribe|clan))\b",
                            re.IGNORECASE)
CROWD_WORDS = re.compile(r"\b(?:protest\w*|demonstrat\w*|riot\w*|crowds?|mob|students|rall\w+|marchers|marched|"
                         r"marching|sit-ins?|vigils?|strikers|picket\w*)\b", re.IGNORECASE)


ONE_SIDED = re.compile(r"\b(?:(?:behead(?:ed|ing)|execut(?:ed|ing)|shot dead|shooting dead|gunn(?:ed|ing) down|"
                       r"massacr(?:ed|ing)|stabb(?:ed|ing)|strangl(?:ed|ing)|slaughter(?:ed|ing)|slit the throats?)\s+"
                       r"(?:[\w\"“”'’-]+\s+){0,5}?[\"“”'’]?(?:men|women|man|woman|civilians?|citizens|passengers|villagers|"
                       r"activists?|journalists?|teachers?|traders|family|farmers|worshippers|children|people|residents|"
                       r"shepherds|herders|detainees|prisoners|hostages|captives|apostates?|spies|informants|"
                       r"collaborators)|kill(?:ed|ing)\s+(?:\w+\s+){0,3}?(?:civilians|villagers|worshippers|"
                       r"passengers|detainees|prisoners|farmers|shepherds|herders|displaced|people|residents|women|"
                       r"children|students|pilgrims|mourners|families|aid workers|(?:an? |the )?(?:activists?|journalists?|"
                       r"teachers?|doctors?|nurses?|lawyers?|judges?|clerics?|imams?|priests?|pastors?|boys?|girls?|"
                       r"man|woman|elders?))|(?:pulled|dragged|taken|removed|ordered) (?:out )?(?:of|from) (?:his|her|their|the) "
                       r"(?:cars?|vehicles?|homes?|houses?|bus|beds?) and (?:then )?(?:shot|killed|executed|stabbed|"
                       r"beaten to death|beheaded))\b", re.IGNORECASE)
RECIPROCAL = re.compile(r"\b(?:gunfights?|firefights?|exchanged fire|traded fire|exchanges? of fire|crossfire|"
                        r"clashed|clashes|fought|battled|(?:heavy |fierce |intense )fighting|gun ?battles?|shootouts?|"
                        r"fighting (?:between|erupted|broke out|raged))\b", re.IGNORECASE)
CAPTURE = re.compile(r"\b(?:(?:overr(?:an|un)|seiz(?:ed|ing)|captur(?:ed|ing)|took control of|taken control of|recaptur(?:ed|ing)|"
                     r"retook|retaken|liberat(?:ed|ing)|storm(?:ed|ing) and (?:took|seized)|took over|taken over|"
                     r"wrest(?:ed|ing) (?:control of )?|(?:gain|regain)(?:ed|ing) control of)\s+(?:[\w'’-]+\s+){0,4}?|"
                     # "pushed the ELN out of several villages": the ground is named after who lost it
                     r"(?:pushed|drove|driven|forced|expelled|ousted|kicked)\s+(?:[\w'’-]+\s+){1,4}?(?:out of|from)\s+"
                     r"(?:[\w'’-]+\s+){0,3}?)"
                     r"(?:bases?|towns?|villages?|city|cities|districts?|areas?|territory|headquarters|positions?|"
                     r"airports?|hills?|neighbou?rhoods?|crossings?|barracks|garrisons?|outposts?|strongholds?)\b", re.IGNORECASE)
# any word of ground changing hands, named place or not ("took control of Lalibela")
GROUND_WORDS = re.compile(r"\b(?:t(?:ook|aken) control|seized control|overr(?:an|un)|captur\w+|seiz(?:ed|ing)|recaptur\w+|"
                          r"retook|retaken|liberat\w+|storm(?:ed|ing)|entered|advanc(?:ed|ing)|fell to)\b", re.IGNORECASE)
# taxonomy: "confiscating houses and land", crops and goods taken at a checkpoint
CONFISCATED = re.compile(r"\b(?:seiz(?:ed|ing)|confiscat\w*|expropriat\w*|requisition\w*)\s+(?:[\w'’-]+\s+){0,4}?"
                         r"(?:homes?|houses?|property|properties|assets|bank accounts|lands?|farms?|farmland|shops?|"
                         r"businesses|trucks|lorries|goods|crops|harvests?|livestock|cattle|sheep|vegetables|fuel)\b",
                         re.IGNORECASE)
NEW_BASE = re.compile(r"\b(?:buil[td]|set up|sets up|established|establish(?:es|ing)|opened|opens|inaugurated|constructed|"
                      r"erected)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:new\s+)?(?:[\w-]+\s+){0,2}?(?:base|bases|outposts?|"
                      r"headquarters|hq|academy|training camps?|camps?|airstrip|observation posts?|military posts?)\b",
                      re.IGNORECASE)
# A handover told as done under a deal ("pulled out under a US-brokered deal") had no fight.
UNDER_DEAL = re.compile(r"\bunder (?:an? |the )(?:[\w'’-]+ ){0,3}?(?:deal|agreement|understanding|arrangement|accord)\b",
                        re.IGNORECASE)
# Ground entered after its holders fled or left, with no fight told: a transfer, not a capture.
ABANDONED = re.compile(r"\b(?:entered|took over|moved into|deployed (?:in|to)|took up positions)\b[^.;]{0,80}?\bafter\s+"
                       r"(?:the\s+)?(?:[\w'’-]+\s+){0,6}?(?:fled|withdrew|pulled out|left|abandoned|retreated)\b",
                       re.IGNORECASE)
# "A bomber on foot", "the bomber who walked in": a person, where "bombers" alone are aircraft
HUMAN_BOMBER = (r"bomber\s+(?:on (?:foot|an? (?:motorcycle|motorbike|bicycle|bike|scooter|rickshaw))|who\b|"
                r"wearing|walked|approached|detonated|set off|blew|rode|drove)")
# A suicide attacker named as such decides the sub-type; "suicide" alone may be a death or a rate.
SUICIDE_ATTACKER = re.compile(r"\b(?:suicide (?:bomb\w*|attack\w*|vests?|belts?|car|truck|vehicle)|istishhad\w*|"
                              r"inghimasi\w*|blew (?:himself|herself|themselves) up|explosive (?:vests?|belts?)|"
                              + HUMAN_BOMBER + r"|"
                              r"(?:drove|rammed|driving|ramming) (?:\w+ ){0,2}?(?:cars?|vehicles?|trucks?|lorr(?:y|ies)) "
                              r"(?:packed|laden|loaded|rigged|filled|stuffed) with explosives|"
                              r"(?:drove|rammed|driving|ramming) (?:an? |the |his |their )?(?:booby-trapped|explosives?-laden|"
                              r"bomb-laden|rigged|explosive-packed) (?:car|vehicle|truck|lorry|bulldozer|tanker))\b",
                              re.IGNORECASE)
REMOTE_DETONATION = re.compile(r"\b(?:detonated remotely|remotely detonated|remote[- ]controlled|by remote control|"
                               r"had been parked|was parked|were parked|timed device)\b", re.IGNORECASE)
# "intercepted most of the missiles": some got through, so the strike happened
PARTLY_STOPPED = re.compile(r"\b(?:(?:intercept(?:ed|ing)|shot down|downed|destroyed|neutrali[sz]ed)\s+(?:most|some|several|"
                            r"many|part|a number|the majority|half) of|(?:most|some|several|many|the majority|all but "
                            r"(?:one|two|three|a few))(?: of (?:them|the \w+))? (?:were|was) (?:shot down|intercepted|downed|"
                            r"destroyed|neutrali[sz]ed))\b", re.IGNORECASE)
# taxonomy: "devices that blow up early and kill only the people handling them" are a disrupted use
EARLY_BLAST = re.compile(r"\b(?:went off (?:early|prematurely)|(?:exploded|detonated|blew up) (?:prematurely|early)|"
                         r"(?:while|as) (?:\w+ ){0,3}?(?:fixing|assembling|planting|making|handling|preparing|transporting|"
                         r"rigging|laying)\b|(?:they|he|she) (?:were|was) (?:fixing|assembling|planting|making|handling|"
                         r"preparing|transporting|rigging|laying))", re.IGNORECASE)
# taxonomy: "If the bomber is stopped ... before the explosives go off" it is disrupted; a blast that
# killed or wounded others was not stopped
HARMING_OTHERS = re.compile(r"\b(?:killing|wounding|injuring)\s+(?!(?:him|her|them|himself|herself|themselves|"
                            r"the (?:attacker|bomber|assailant|driver|militants?))\b)", re.IGNORECASE)
# What came before the told event: "clashed with X on Thursday, hours after a roadside bomb hit ..."
LATER_THAN = re.compile(r",?\s+(?:hours|days|minutes|a day|two days|a week|weeks|shortly|soon|just)\s+after\b.*$",
                        re.IGNORECASE | re.DOTALL)
# A state's forces as the ones who shot: at a protest, that is their excessive force
_STATE_FORCE = r"(?:police\w*|security forces|soldiers|troops|army|gendarmes?|riot police|national guard)"
STATE_FORCE_HARM = re.compile(r"\b(?:(?:killed|shot|wounded|injured|hit) by (?:a |the )?(?:[\w-]+ )?" + _STATE_FORCE +
                              r"|" + _STATE_FORCE + r" (?:\w+ )?(?:fired on|opened fire|shot|killed|wounded))\b",
                              re.IGNORECASE)
# People left missing by an armed raid ("hundreds of students unaccounted for after gunmen invaded the
# school") were taken: ACLED codes the raid as an abduction
MISSING = re.compile(r"\b(?:unaccounted for|(?:are|were|remain|remained|still|went|gone) missing|missing after)\b",
                     re.IGNORECASE)
# Words without which nobody was protesting: "opened fire on the crowd" at an airport gate is an attack
PROTEST_CONTEXT = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied|ying)|march(?!\s+\d)|marche[ds]|marchers|"
                             r"marching|processions?|funerals?|mourners|sit-ins?|riot\w*|chant\w*|slogans?|tear gas|"
                             r"strikers|picket\w*|vigils?|(?:peaceful|public|political|opposition) gatherings?|"
                             r"gathered (?:[\w'’-]+ ){0,4}?to (?:protest|demand|denounce|mark|celebrate|raise|commemorate|"
                             r"call|voice|condemn))\b", re.IGNORECASE)
# "the abduction of hundreds of boys": an abduction told as a noun is one, whatever verb carries it
TAKING_OF_PEOPLE = re.compile(r"\b(?:abductions?|kidnappings?|mass abduction)\s+of\s+(?:[\w'’-]+\s+){0,4}?(?:people|boys|"
                              r"girls|students|pupils|schoolchildren|children|women|men|villagers|passengers|workers|"
                              r"civilians|farmers|worshippers|residents|\d+)\b", re.IGNORECASE)
