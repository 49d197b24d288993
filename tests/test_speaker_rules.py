"""Speaker attribution rules found on the speaker check set (eval/gold/speakers.jsonl: real documents outside
both extraction splits, annotated for quotes only; provenance in eval/gold/README.md). Each case is one
pattern the rules once got wrong; the eval gate scores the whole set, these pin the mechanisms."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tealeaves.bench.eval_extraction import document_of, gold_parts
from tealeaves.extract import Pipeline
from tealeaves.model import Document

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold" / "speakers.jsonl"


@pytest.fixture(scope="module")
def quotes_of():
    pipeline = Pipeline()
    recs = {}
    for part in gold_parts(GOLD):
        for line in part.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            recs[r["doc"]["id"]] = r

    def get(doc_id):
        return [
            (q.text, q.cue, q.speaker_kind, q.speaker_name)
            for q in pipeline(document_of(recs[doc_id]))["quote"]
        ]

    return get


CASES = [
    # "Choe Un Bok, chairwoman of the Association, said Kim Jong Un clarified ...": a name and its title
    # before the cue, so no inverted "..., said X"
    ("kcna-ft-2012-08-10-0024", "Kim Jong Un comprehensively", "said", "named", "Choe Un Bok"),
    # '"True Path of the Nation," the organ of ..., in an editorial': a title in quotation marks issues it
    ("kcna-ft-2012-04-05-0005", "The unhappy life", "noted", "named", "True Path of the Nation"),
    ("kcna-ft-2012-04-05-0005", "Those who experienced", "said", "named", "True Path of the Nation"),
    # "The People for Achieving Peace ... in a statement": a capitalised name, not the collective "people"
    (
        "kcna-ft-2011-05-04-0016",
        "The period since",
        "noted",
        "named",
        "People for Achieving Peace and Reunification of south Korea",
    ),
    # '... openly said that ..., adding "..."': the participle's subject is the main verb's
    ("kcnakp-ec3b41da6dc08109", "it is not about geography", "adding", "named", None),
    # "A spokesman for the party issued a commentary ... said the commentary, adding:"
    ("kcna-ft-2011-10-18-0026", "The U.S.-proposed FTA", "adding", "anonymous", None),
    # 'Morten Traavik said:' and the quotation opening the next paragraph
    ("kcna-ft-2012-05-18-0008", "I think that we are together", "said", "named", "Morten Traavik"),
    # "the rector stressed" after "Abdulreda Assiri, rector of the College ...", a name no pack knows
    ("kcna-ft-2012-04-24-0049", "The DPRK is steadily", "stressed", "named", "Abdulreda Assiri"),
    # "A Bangladeshi paper ... an article": an unnamed paper's article is anonymous
    ("kcna-ft-2012-10-11-0019", "The President founded", "said", "anonymous", None),
    # "The Peruvian Group for the Study of Kimilsungism-Kimjongilism released ... It carried an article"
    (
        "kcna-ft-2012-08-03-0028",
        "the Korean people boundlessly",
        "said",
        "named",
        "Peruvian Group for the Study of Kimilsungism-Kimjongilism",
    ),
    # "The newspapers say" in a DPRK press review: the DPRK papers together
    ("kcnakp-80a69fd6d3ae6d84", "August 15, when", "say", "self", None),
    # "Zhang Xingquan (60 anos de edad), director general de ..., Co. Ltd, senalo"
    ("kcna-ft-2012-08-22-0041", "es muy util", "senalo", "named", "Zhang Xingquan"),
    # 'He went the lengths of asserting "..."': the subject of the clause, resolved to Ryu U Ik
    ("kcna-ft-2012-09-30-0004", "the north was to blame", "asserting", "named", "Ryu U Ik"),
    # the "expressed ... belief" family (a cue pattern of the packs), finite, participle and leading
    (
        "rodong-2021-08-31-0004",
        "all the young people",
        "expressed expectation and belief",
        "named",
        "Kim Jong Un",
    ),
    (
        "rodong-2022-04-29-0004",
        "they would more",
        "expressing his expectation and belief",
        "named",
        "Kim Jong Un",
    ),
    (
        "rodong-2022-04-29-0003",
        "the workers of the committee",
        "Expressing expectations",
        "named",
        "Kim Jong Un",
    ),
    # "he said, adding: It is ...": the words after the colon, direct
    ("rodong-2021-08-31-0004", "It is the best pride", "adding", "named", "Kim Jong Un"),
    # "The U.S. Department of Defense betrayed its true colors ... by asserting that ..."
    ("kcnakp-ec3b41da6dc08109", "Ukrainian forces can use", "asserting", "named", "Pentagon"),
    # "Rodong Sinmun Wednesday says this in a bylined article.": the sentence before is the paper's
    ("kcna-ft-2011-03-16-0016", "To boost friendship", "says", "self", "Rodong Sinmun"),
    # headlines: "President Ahmadinejad: <his words>" and "<words>--Minju Joson"
    ("kcna-hl-2012-01-19-0005", "LatAm Will No Longer", ":", "named", "Mahmoud Ahmadinejad"),
    ("kcna-ft-2011-03-30-0019", "Hyon In Thaek Termed", "--", "self", "Minju Joson"),
    # Spanish: "dijo que" without "que" in the quote, and a sentence opening with its cue ("Asevero que")
    ("kcna-ft-2012-10-27-0020", "gracias a los esfuerzos", "dijo", "named", "Hwang Chol Nam"),
    ("kcna-ft-2012-10-27-0020", "esta ceremonia significa", "Asevero", "named", "Hwang Chol Nam"),
    ("kcna-ft-2012-10-27-0020", "en el principio", "Senalo", "named", "Chen Weigen"),
    # "a message of greeting from Dmitri Anatoliyevich Medvedev": a spelling of a pack person, linked
    ("kcnakp-3faeb3a210b0b562", "Under your leadership", "said", "named", "Dmitry Medvedev"),
    # "The Baath Arab Socialist Party and the WPK are ..., it said": "it" is not the quote's own subject
    ("kcnakp-b15038fa39ad83cd", "The Baath Arab Socialist", "said", "named", "Bashar al-Assad"),
    # "from Sh. Shabdolov, chairman of ...": a two-letter initial ends no sentence
    ("kcna-ft-2012-06-27-0007", "He wisely led", "said", "named", "Sh. Shabdolov"),
    # "The Chinese People's Daily ... carried an article": "the paper" is the named paper, not KCNA
    ("kcna-ft-2012-02-07-0016", "The Phibada Opera", "said", "named", "People's Daily"),
    # "X called a press conference to make public a declaration ..., MBC reported": the declaration is X's
    (
        "kcna-ft-2011-12-02-0009",
        "the unequal FTA",
        "said",
        "named",
        "Headquarters of the All-People Movement for Checking the Conclusion of the south Korea-U.S. Free "
        "Trade Agreement",
    ),
    # headlines whose speaker is described, never named in the story: anonymous
    ("kcna-hl-2011-12-02-0003", "Kim Jong Il, Defender", ":", "anonymous", None),
    ("kcna-hl-2012-04-29-0003", "Kim Il Sung Will Be", ":", "anonymous", None),
    # "a news analyst of the DPRK newspaper Rodong Sinmun Tuesday says:": the paper's own piece
    ("kcna-ft-2011-01-25-0011", "It is a violent", "says", "self", "Rodong Sinmun"),
    # a press review's "- An article says that ...": the paper the review is of
    ("kcnakp-0410f3fe405e661d", 'the "liberal democracy', "says", "self", "Rodong Sinmun"),
    # "... released a press statement on August 18 that ...": a cue pattern of the packs
    (
        "kcnakp-0410f3fe405e661d",
        "the U.S. and the ROK",
        "released a press statement",
        "named",
        "Institute for American Studies of the Foreign Ministry of the DPRK",
    ),
    # 'carried an article titled "...", which said:': the article the relative pronoun stands for
    ("kcna-ft-2011-06-13-0022", "The idea of", "said", "named", "Selskaya Zhyzn"),
    # "..., said the statement." (a spokesman's statement) and its "It went on:" are anonymous
    ("kcna-ft-2011-03-04-0003", "This is a totally", "said", "anonymous", None),
    ("kcna-ft-2011-03-04-0003", "This action more", "went on", "anonymous", None),
    # "The 7th issue of a Russian paper carried ... an article": an unnamed paper's article; "The paper said"
    # after "the Mexican paper Unidad Nacional" is that paper
    ("kcna-ft-2012-07-28-0018", "The President left", "said", "anonymous", None),
    ("kcna-ft-2012-07-28-0018", "The Juche idea stipulates", "said", "named", "Unidad Nacional"),
    # "...: Nigerian Organization" over a story opening "The Nigerian National Committee for ..."
    (
        "kcna-ft-2012-07-02-0020",
        "Kim Il Sung Will Be Immortal",
        ":",
        "named",
        "Nigerian National Committee for the Study of the Juche Idea",
    ),
    # "At a dinning room he said", "At the coffee shop he sat on a stool, saying ..."
    ("kcna-ft-2012-08-31-0002", "overhead lighting", "said", "named", "Kim Jong Un"),
    ("kcna-ft-2012-08-31-0002", "it looks comfortable", "saying", "named", "Kim Jong Un"),
    # "they said that A and warned that B": two quotes
    ("kcnakp-bf85a91494b42378", "even lawmakers would be", "warned", "anonymous", None),
    # "voicing the expectation and belief that", "Rodong Sinmun ... urges this"
    (
        "rodong-2021-09-10-0002",
        "all the participants",
        "voicing the expectation and belief",
        "named",
        "Kim Jong Un",
    ),
    ("kcna-ft-2012-03-21-0008", "It should be forced", "urges", "self", "Rodong Sinmun"),
    # "A press release was read out at the conference" (no issuer): "it said" is anonymous, not the headline
    ("kcna-ft-2011-10-03-0020", "Crimes by U.S. troops", "said", "anonymous", None),
    ("kcna-ft-2011-10-03-0020", "This is attributable", "deplored", "anonymous", None),
    # "received a message on June 13 from the participants of a mass rally": not the receiver's words
    ("kcna-ft-2012-06-26-0005", "Kim Jong Il was an", "said", "anonymous", None),
    # "At the meeting Wang Jiarui conveyed greetings ... He said": a subject after an opening phrase
    ("kcna-ft-2012-08-02-0001", "Kim Jong Il rendered", "said", "named", "Wang Jiarui"),
    # 'the south Korean newspaper "Hankuk Daily" on April 11 said': the name in quotation marks
    ("kcna-ft-2011-04-14-0033", "The people's grievances", "said", "named", "Hankuk Daily"),
    # "gave the following answer to questions raised by KCNA:" opens the spokesman's block
    (
        "kcna-ft-2012-04-21-0001",
        "Traitor Lee Myung Bak, together",
        "gave",
        "anonymous",
        None,
    ),
    # "Traitor Lee Myung Bak ... The traitor asserted ..., saying that": the epithet given before the name
    ("kcna-ft-2012-04-21-0001", "the north torpedoed", "saying", "named", "Lee Myung-bak"),
    # "The special envoy met ..., hoping that": the role noun ends the subject; the envoy named before
    ("kcnakp-125f0aab15419bb5", "the Vietnamese government", "hoping", "named", "Ri Ho Jun"),
    # "... Kim Jong Il, the sun of the nation ...,  Rodong Sinmun Saturday says this": no appositive across
    # a paragraph break
    ("kcna-ft-2011-02-26-0009", "This stirring reality", "says", "self", "Rodong Sinmun"),
    # "a by-lined commentary of the paper said, adding:" ("by-lined" is no preposition)
    ("kcna-ft-2011-01-04-0007", "The road map envisages", "adding", "self", "Minju Joson"),
    # 'The bulletin in an article titled "President Kim Il Sung, Peerlessly Great Man" said': a title's words
    # are not the subject
    (
        "kcna-ft-2011-07-03-0010",
        "the Korean people have become",
        "said",
        "named",
        "Bangladesh Institute of the Juche Idea",
    ),
    # "from Mozambican President Armando Emilio Guebuza": the person after the title
    ("kcna-ft-2012-08-19-0001", "upon hearing the very", "said", "named", "Armando Emilio Guebuza"),
    # an organisation the mention finder cut short at "for Korea's"
    (
        "kcna-ft-2011-12-18-0002",
        "The police are nowadays",
        "charged",
        "named",
        "South Headquarters of the Pan-National Alliance for Korea's Reunification",
    ),
    # "Kim Jong Un in the speech declared ..., saying:" and "A delegate, Han Ji Hyon (16), ..., who ...,
    # said:" before a quotation opening the next paragraph
    ("kcna-ft-2012-08-29-0019", "'Counter a provocation", "saying", "named", "Kim Jong Un"),
    ("kcna-ft-2012-08-27-0005", "Respected Marshal Kim Jong Un sent", "said", "named", "Han Ji Hyon"),
    # "...: Voice of Russia": the name as written, not the country inside it
    ("kcna-hl-2011-10-03-0029", "Pressure Does Never Work", ":", "named", "Voice of Russia"),
    # "Internet paper of Koreans in the U.S. Minjok Thongsin carried an article ... said the article"
    ("kcna-ft-2011-10-14-0015", "WikiLeaks recently disclosed", "said", "named", "Minjok Thongsin"),
    # "The south Korean Internet paper Jaju Minbo ... in an article held that ..., the article noted"
    ("kcna-ft-2011-06-03-0014", "The U.S. committed genocide", "noted", "named", "Jaju Minbo"),
    # "A press statement ... was issued on November 1. The press statement says:" (the KCNA dateline is not
    # its issuer)
    ("kcnakp-28f94d10b97c2a96", "The relations between", "says", "anonymous", None),
    # "..., the addresses noted": a document noun, not the person named before the comma
    ("kcna-ft-2012-03-31-0002", "the ideological and theoretical", "adding", "anonymous", None),
    # "The message said that ... He said he is very pleased": the message's sender, a person
    ("kcna-ft-2012-09-11-0009", "he is very pleased", "said", "named", "Jalanath Kanal"),
    # "The south Korean Internet paper Jaju Minbo ... in an article held that": the paper's name speaks
    ("kcna-ft-2011-06-03-0014", "the Korean nation will", "held", "named", "Jaju Minbo"),
    # 'WikiLeaks recently disclosed that ..., said the article': "is claiming", "disclosed" and Spanish cues
    ("kcna-ft-2011-08-30-0038", "por haber aclarado", "se refirio a", "named", "Sin Sang Chol"),
    # "led by Vice-Minister Seyed Abbas Araghchi": no bare-surname alias of the packs ("Abbas") splits a name
    (
        "kcna-ft-2012-07-17-0001",
        "the DPRK government",
        "referred to the fact",
        "named",
        "Seyed Abbas Araghchi",
    ),
    # "The Brazil-Korea Friendship Association ... issued bulletin titled ...": no determiner before it
    (
        "kcna-ft-2011-08-22-0019",
        "his Songun leadership",
        "said",
        "named",
        "Brazil-Korea Friendship Association",
    ),
    # "from National Chairman Renato Ravello and International Secretary ...": the first sender
    ("kcna-ft-2012-08-24-0004", "they received a talk", "said", "named", "Renato Ravello"),
    # "... the Day of the Sun.,  The Ethiopian Youth Study Group ...": "Sun." ends a sentence there
    (
        "kcna-ft-2012-04-14-0036",
        "The President performed",
        "said",
        "named",
        "Ethiopian Youth Study Group of the Juche Idea",
    ),
    # "from the General Association of Koreans in China": a body of Koreans abroad keeps its place in the name
    ("kcna-ft-2012-03-25-0005", "Born as a son", "said", "named", "General Association of Koreans in China"),
    # a press review's items under the heading "Minju Joson" are that paper's
    ("kcnakp-0adbc485a6161d22", "no matter how hard", "says", "self", "Minju Joson"),
    # Spanish drops the subject: "Subrayo que ...", "En el comedor dijo que ..." are the marshal's
    ("kcna-ft-2012-09-01-0027", "se siente tranquilo", "dijo", "named", "Kim Jong Un"),
    # "A spokesman ... on Tuesday gave the following answer to the question raised by KCNA as regards ...:"
    ("kcna-ft-2012-05-15-0003", "These days, an organization", "gave", "anonymous", None),
    # "X declared all-out actions ..., according to the south Korean KBS": "declared" needs a clause
    ("kcna-ft-2012-08-13-0021", "The south Korean Confederation", "according to", "named", "KBS"),
    # "he" after the Malaysian permanent representative to the UN: a unique office, named without a name
    ("kcna-ft-2011-12-03-0024", "This will detract", "said", "named", None),
    # "...: News Analysis" is the agency's own piece; "the Japanese Asahi Shimbun" is the paper's name
    ("kcna-hl-2014-02-27-0023", "Japan's Sexual Slavery", ":", "self", "KCNA"),
    ("kcna-ft-2011-06-22-0021", "local inhabitants are", "said", "named", "Asahi Shimbun"),
    # "The New York Times ... reported ..., according to Yonhap News ... the paper said": the Times
    ("kcna-ft-2011-08-24-0027", "When the naval base", "said", "named", "New York Times"),
    # "the Chongryon Central Standing Committee" is its own body in the packs, not Chongryon
    (
        "kcnakp-35405aadbe333dfd",
        "Chongryon and Koreans",
        "said",
        "named",
        "Central Standing Committee of the General Association of Korean Residents in Japan",
    ),
    # session 4 (batches 13-15): "Information Department of the C.C., the Anti-Imperialist National
    # Democratic Front made public a declaration": the C.C. form goes on after a body of the C.C.
    (
        "kcna-ft-2011-04-21-0019",
        "It is more than half a century",
        "noted",
        "named",
        "Information Department of the C.C., the Anti-Imperialist National Democratic Front",
    ),
    # "The foreign minister of Iceland ... the minister said": an office introduced before, unnamed
    ("kcna-ft-2011-09-28-0024", "If the resolution", "said", "named", None),
    # "..., under the leadership of General Secretary Kim Jong Il, the governor said": the name is the
    # quote's, not an appositive of the speaker; the headline's "Chinese Official" is the man quoted first
    ("kcna-ft-2011-06-28-0004", "We heartily hope", "said", "named", "Chen Zhenggao"),
    ("kcna-ft-2011-06-28-0004", "Sino-DPRK Friendship", "--", "named", "Chen Zhenggao"),
    # "The Citizens Federation for Democratic Press of south Korea": KCNA's lower-case "south" in a name
    (
        "kcna-ft-2012-04-04-0013",
        "The fact was disclosed",
        "said",
        "named",
        "Citizens Federation for Democratic Press of south Korea",
    ),
    # "Central Association of Korean Nationals in Russia": the locative is part of the name
    (
        "kcna-ft-2011-01-12-0011",
        "the important proposals",
        "said",
        "named",
        "Central Association of Korean Nationals in Russia",
    ),
    # "an article on Feb. 20 written by Ro Kil Nam": the byline
    ("kcna-ft-2012-02-23-0012", "When Supreme Leader", "said", "named", "Ro Kil Nam"),
    # "In an article titled ... the homepage referred to the uprising, saying:" -> the homepage's owner
    (
        "kcna-ft-2011-05-23-0014",
        "The truth about the killings",
        "saying",
        "named",
        "British Association for the Study of Songun Policy",
    ),
    # "South Korean internet radio Voice of People on June 6 denounced ... It said:"
    ("kcna-ft-2012-06-10-0015", "Recently the U.S. has demanded", "said", "named", "Voice of People"),
    # "On the same day the Finnish National Committee ... posted ... an article": past the opening phrase
    (
        "kcna-ft-2011-04-13-0037",
        "The Finnish followers",
        "noted",
        "named",
        "Finnish National Committee for the Study of the Juche Idea",
    ),
    # Spanish "un mensaje de felicitacion que le dirigiera ... el presidente de ..., Joseph Kabila Kabange"
    ("kcna-ft-2012-04-28-0037", "Tengo el honor", "senala", "named", "Joseph Kabila Kabange"),
    # "X, a researcher at ..., who is undergoing treatment at ..., said that": past the relative clause
    ("kcna-ft-2012-04-11-0029", "Kim Jong Un is as good as father", "said", "named", "Pak Tong Sun"),
    # "A keynote report was made by Andre Aubry, ... He praised ... He also recalled": the passive's agent
    ("kcna-ft-2012-04-19-0025", "Kim Il Sung provided", "recalled", "named", "Andre Aubry"),
    # "He took the hands of officials one by one that day and said": "that day" opens no clause
    ("kcnakp-c194457935769321", "he was relieved", "said", "named", "Kim Jong Un"),
    # "A spokesperson for the National Coordinating Committee (NCC) of the DPRK for ... released the
    # following press statement": one long title
    ("kcnakp-126a704bf0f7fcd7", "The Asia-Pacific Group", "released", "anonymous", None),
    # 'But Japan has gone so far as to say "there is no problem in safety"'
    ("kcnakp-7055beb52e1c9941", "there is no problem", "gone so far as to say", "named", "Japan"),
    # session 4 (batches 16-18): "the paper" after "Huan Qiu Shibao carried an article", and a paper's name
    # ending in "Daily" is a name, not an unnamed document
    ("kcna-ft-2011-11-11-0004", "The opera is simple", "said", "named", "Huan Qiu Shibao"),
    (
        "kcna-ft-2011-11-11-0004",
        "the Phibada Opera Troupe is well known",
        "noted",
        "named",
        "Liao Yang Daily",
    ),
    # "The general secretary of the Palestinian Popular Struggle Front said": not "General Secretary Kim Jong
    # Il"; the unique office of an identified body, its holder unnamed, is named (entity null; guidelines 2.3)
    ("kcna-ft-2012-02-23-0031", "Kim Jong Il's was a life", "said", "named", None),
    # a long closing attribution: "..., the chairman of the Organization for the Study of ... said"
    ("kcna-ft-2012-02-23-0031", "Though Kim Jong Il passed away", "said", "named", None),
    # "The secretary of the C.C., Communist Party of Belarus said": the C.C. comma is inside the name
    ("kcnakp-3267fa5a9a9d439b", "the WPK is recognized", "said", "anonymous", None),
    # "In a commentary on Jan. 17 he blamed ...": the commentary is the unnamed spokesman's
    ("kcna-ft-2011-01-21-0012", "They have not yet given permission", "pointed out", "anonymous", None),
    # "A bylined commentary of the DPRK major paper Rodong Sinmun": the paper, not the country
    ("kcna-ft-2012-05-21-0008", "This proves that", "goes on", "self", "Rodong Sinmun"),
    # "a message sent by Hu Jintao, ..., Wu Bangguo, ..., and Wen Jiabao, ..., in reply to their message":
    # the message with a sender, and the first of the senders
    ("kcna-ft-2011-10-14-0001", "Please accept our thanks", "said", "named", "Hu Jintao"),
    # "a congratulatory message from Prime Minister of Grenada Tillman Thomas": the person after the titles
    ("kcna-ft-2012-05-10-0008", "It is my honor", "said", "named", "Tillman Thomas"),
    # "He said:" then a block that "They unanimously wished to see ..." does not end; "He" later is the same
    (
        "kcna-ft-2012-10-09-0033",
        "Korea would be reunified",
        "expressed the belief",
        "named",
        "Chanai Longoen",
    ),
    # 'Ra Kyong Hui, 30, a woman residing in Central District, wept bitterly: "..."'
    ("kcna-ft-2011-12-28-0013", "General, open your eyes", "wept", "named", "Ra Kyong Hui"),
    ("kcna-ft-2011-12-28-0013", "How can we bid last farewell", "said", "named", "Ryu Hwa Sun"),
    # "Vice President and Minister for Women Affairs Isatou Njie-Saidy warned that"
    ("kcna-ft-2011-06-28-0027", "the well-being of", "warned", "named", "Isatou Njie-Saidy"),
    # described headline speakers: "...: Foreign Papers", "...: S. Korean Internet Paper" (anonymous) and a
    # headline office-holder the story does not name
    ("kcna-hl-2011-09-19-0002", "DPRK, People's Country", ":", "anonymous", None),
    ("kcna-hl-2014-06-18-0013", "Ferry Sewol Disaster", ":", "anonymous", None),
    ("kcna-hl-1997-02-21-0004", "Japan cannot be permanent member", "says", "named", None),
    # "An Ok, an official of ...": the surname An, not the article
    ("kcna-ft-2011-08-01-0011", "the company is always ready", "told", "named", "An Ok"),
    # session 4 (batches 19-21): "the Palestinian National Authority (PNA)" spells out the headline's "PNA"
    ("kcna-ft-2011-11-03-0034", "Israel Harms Peace", ":", "named", "Palestinian National Authority"),
    # "The Nepali paper Arpan ... carried an article ... It said": the paper the subject names
    ("kcna-ft-2011-12-27-0057", "Kim Jong Il was the great leader", "said", "named", "Arpan"),
    # "... for Korea's Reunification Sunday made public a commentary": the weekday ends the name
    (
        "kcna-ft-2012-01-31-0014",
        "54 years have passed",
        "said",
        "named",
        "South Headquarters of the Pan-national Alliance for Korea's Reunification",
    ),
    # "..., the daily noted": "daily" is the paper, not an adverb
    ("kcna-ft-2011-02-22-0015", "Sponsors of a protest", "noted", "self", "Rodong Sinmun"),
    # "He looked at boiled rice, soup and various dishes on the table and said that": the list is no subject
    ("kcna-ft-2011-02-09-0020", "there was too much salt", "said", "named", "Kim Jong Il"),
    # "according to Russia's ITAR TASS": the agency, not the country
    ("kcna-ft-2012-01-13-0015", "The Mongolian defense minister", "according to", "named", "ITAR-TASS"),
    # after batches 22-24: "Foreign Minister of the DPRK Pak Ui Chun Tuesday sent a congratulatory message":
    # the person after the title, not "DPRK Pak Ui Chun Tuesday"
    (
        "kcna-ft-2011-05-11-0002",
        "the good relations of friendship",
        "expressed belief",
        "named",
        "Pak Ui Chun",
    ),
    # "sent a message of condolence to the Central Committee of the Communist Party of Vietnam": the
    # receiver after "to" is no sender
    (
        "kcnakp-ac96dc4c61315c8b",
        "the party, government and people",
        "expressed belief",
        "named",
        "Kim Jong Un",
    ),
    # "...: Peruvian Personage" over "Genaro Ledesma Izquieta, chairman of ..., issued a statement"
    ("kcna-ft-2011-12-03-0008", "Korean People's Historic Advance", ":", "named", "Genaro Ledesma Izquieta"),
    # 'The Ukrainian "Treasured Sword of Songun" Association for the Study of the Juche Idea in a statement'
    (
        "kcna-ft-2012-07-03-0022",
        "The U.S. is now becoming undisguised",
        "said",
        "named",
        '"Treasured Sword of Songun" Association for the Study of the Juche Idea',
    ),
    # "The paper carried a photo of him, saying:": the paper is the subject
    ("kcna-ft-2012-08-30-0023", "The dear respected Kim Jong Un was selected", "saying", "named", "Veteran"),
    # "..., Rodong Sinmun Monday says in an article, and goes on:"
    ("kcnakp-27d8354863c44ed5", "An era of comprehensive development", "says", "self", "Rodong Sinmun"),
    # "A Myanmar paper on June 27 carried an article ... the paper said": an unnamed paper, whatever is
    # "dedicated to the people" in the quote
    ("kcna-ft-2012-07-06-0027", "The life of the President", "said", "anonymous", None),
    # after batches 25-27: "The Asia Times, paper of Hong Kong, China on March 7 carried an article"
    (
        "kcna-ft-2012-03-15-0018",
        "The dear respected Kim Jong Un is successfully",
        "said",
        "named",
        "Asia Times",
    ),
    # "Thongil, the newspaper of Koreans published in Uzbekistan, ... The newspaper carried an article"
    ("kcna-ft-2012-09-13-0029", "the august name and the exploits", "said", "named", "Thongil"),
    # "the joint statement said" after "X and Y issued a joint statement ... Z also issued a statement"
    (
        "kcna-ft-2012-05-02-0020",
        "Unpardonable is the Lee Myung Bak",
        "said",
        "named",
        "British Association for the Study of Songun Policy",
    ),
    # "said the Pakistani interior minister ... The minister told": an office, unnamed
    ("kcna-ft-2011-07-25-0043", "Israeli-made weapons were seized", "told", "named", None),
    # "One day in June ..., the respected ComradeKim Jong Unlooked round ... He said": past the opening phrase
    ("kcnakp-bbe261021a779226", "he was very pleased", "said", "named", "Kim Jong Un"),
    # "DPRK Primer Choe Yong Rim sent a message of greeting": the person after the country and title
    ("kcna-ft-2012-09-01-0009", "the traditional relations", "expressed belief", "named", "Choe Yong Rim"),
    # "Dr. Hwang Myong Chol at the Academy of Social Sciences told KCNA:": the name after the title
    ("kcna-ft-2012-07-04-0019", "The Korean War, started", "told", "named", "Hwang Myong Chol"),
    # "Recently the mayor of Osaka in Japan told reporters": an office, past the adverb
    ("kcna-ft-2012-10-04-0034", "comfort women were walked away", "told", "named", None),
    # "The treatise authored by Putin said ... It also said": the author, and "it" is the treatise
    ("kcna-ft-2011-10-07-0032", "the formation of the Eurasian Union", "said", "named", "Vladimir Putin"),
    ("kcna-ft-2011-10-07-0032", "a close integration", "said", "named", "Vladimir Putin"),
    # after batches 28-30: "the speaker stressed" after "B.C. Gupta ... said"; Spanish "El orador" after
    # "Choe Yong Rim ... hizo uso de la palabra" (and the subject-less cues after it)
    ("kcna-ft-2011-12-15-0021", "The Korean people will surely win", "stressed", "named", "B.C. Gupta"),
    ("kcna-ft-2012-07-30-0039", "es incomparable con nada", "Subrayo", "named", "Choe Yong Rim"),
    # "So Yong Il, an officer of the Korean People's Army, told KCNA:": the surname So, not the conjunction
    ("kcna-ft-2012-03-16-0003", "The news makes me feel", "told", "named", "So Yong Il"),
    # "...: Trinidad and Tobago President", "the NATO secretary general said": an office-holder, unnamed
    ("kcna-hl-2012-06-23-0010", "Koreans Will Certainly Build", ":", "named", None),
    ("kcnakp-5df5a910453b00da", "he welcomed the ongoing dialogues", "said", "named", None),
    # session 5, the guidelines' three decisions (2.3). "The reporter and speakers noted" after "Ri Myong Gil
    # ... made a report": a coordinated subject speaks as its first conjunct
    ("kcna-ft-2011-03-03-0010", "a new history of large-scale", "noted", "named", "Ri Myong Gil"),
    # "...: News Analyst": the agency's own analyst
    ("kcna-hl-2012-11-12-0008", "S. Korean Regime Afraid", ":", "self", "KCNA"),
    # an office one person holds in an identified body, the holder unnamed: "the director of the above-said
    # institute"; "the director" again later; "The head of the delegation of the Institute ... He said";
    # "The manager of the farm" after "... Magsal Agro-Stock Farm ... He said"
    ("kcna-ft-2011-12-24-0033", "the future of the DPRK will be in safe hands", "noted", "named", None),
    ("kcna-ft-2012-08-06-0024", "Kim Jong Un would firmly guarantee", "expressed belief", "named", None),
    ("kcna-ft-2012-09-13-0012", "Only when CTBT is enforced", "said", "named", None),
    ("kcna-ft-2011-05-22-0007", "the Iranian people would always remember", "said", "named", None),
    # ... but not an office a body has several of ("section chief of the institute"), nor one of a body the
    # text does not identify ("rector of a conservatory of Guinea")
    ("kcna-ft-2012-08-06-0024", "in 1984 when President Kim Il Sung", "recalled", "anonymous", None),
    ("kcna-ft-2011-04-25-0018", "Kim Il Sung helped the Guinean people", "recalled", "anonymous", None),
    # a sender's name as written around it: "a message from Algerian President Abdelaziz Bouteflika." is
    # Abdelaziz Bouteflika (no full stop, nationality or title)
    ("kcna-ft-2012-04-14-0014", "Availing myself", "said", "named", "Abdelaziz Bouteflika"),
    # "This tour was organized by the Kamchatka travel agency of Russia. The agency said": the body named
    # before with that head noun, though no pack knows it
    ("kcna-ft-2011-07-06-0035", "they toured Kurils", "said", "named", "Kamchatka travel agency"),
    # "The article was contributed by its Chairman Dermot Hudson. ... the article said": its author
    ("kcna-ft-2012-08-15-0021", "After the demise of general secretary", "said", "named", "Dermot Hudson"),
    # "recibio mensaje de condolencias que le remitiera ... Mahmoud Abbas ... La misiva senala": the same
    # document named another way
    ("kcna-ft-2011-12-23-0075", "el Dirigente Kim Jong Il trabajo", "senala", "named", "Mahmoud Abbas"),
    # "...: Papers" (a KCNA headline): the DPRK papers' own voice
    ("kcna-ft-2012-09-09-0032", "DPRK, Patriotic Heritage", ":", "self", "KCNA"),
    # "The south Korean Kyunghyang Daily News": the paper's name does not take "Korean"
    (
        "kcna-ft-2011-05-22-0009",
        "The housing conditions of most people",
        "said",
        "named",
        "Kyunghyang Daily News",
    ),
    # a time, a title or "Even" before the subject is no part of the speaker: "In May the U.S. president
    # said"; 'Under the title of "..." the statement pointed out'; "Even the chairman of the U.S. Arms
    # Control Association said" (an office-holder, unnamed)
    ("kcna-ft-2012-09-28-0004", "the U.S. would render more aid", "said", "named", None),
    (
        "kcna-ft-2012-02-09-0019",
        "the separatist forces",
        "pointed out",
        "named",
        "General Association of Koreans in China",
    ),
    ("kcna-ft-2012-10-29-0027", "new moves of the U.S. and south Korea", "said", "named", None),
    # headline speakers that only describe ("...: Foreigners", "...: Political Party", "...: S. Korean
    # Prisoner") are anonymous unless the story names them; "...: Head of DPRK Delegation" is an office
    ("kcna-ft-2012-09-12-0023", "DPRK Will Soon Emerge Thriving Nation", ":", "anonymous", None),
    ("kcna-hl-2013-04-25-0010", "Final Victory Be in Store", ":", "anonymous", None),
    ("kcna-hl-2011-08-08-0045", "Long Live Great General Kim Jong Il", ":", "anonymous", None),
    ("kcna-hl-2012-10-04-0007", "DPRK Will Join UN Member Nations", ":", "named", None),
    # Spanish "Asi senala el diario Rodong Sinmun en un comentario ...": the sentence before is its words
    ("kcna-ft-2011-11-23-0027", "Tal palabra belica", "senala", "self", "Rodong Sinmun"),
    # "...el diario Rodong Sinmun": the paper's own voice, past its description
    ("kcna-ft-2012-11-14-0034", "pueden soltar atrevidamente", "senala", "self", "Rodong Sinmun"),
    # "The International Alliance of Societies for ... Regions ... The International Alliance posted ... the
    # article said": the name in full
    (
        "kcna-ft-2011-06-26-0008",
        "The June 15 joint declaration",
        "said",
        "named",
        "International Alliance of Societies for the Study of the Juche Idea and Songun Policy in East"
        " European and Central Asian Regions",
    ),
    # "south Korean CBS reported": an acronym after a nationality is a name
    ("kcna-ft-2011-10-30-0009", "Religionists belonging", "reported", "named", "CBS"),
    # "Ri Kang Thaek, ..., and Kim Hyon Sok, ..., started hunger strike. They held a press conference ...
    # They at the press conference said": people acting together speak as the first of them (guidelines
    # 2.2), also past a "they" and a subject inside the quoted words
    ("kcna-ft-2012-06-01-0022", "members of the union are on", "said", "named", "Ri Kang Thaek"),
    ("kcna-ft-2012-06-01-0022", "The people are hardly repressing", "said", "named", "Ri Kang Thaek"),
    # "Ivan Shawvaker who is a spokesperson for ... said ... He stressed"; "Former Mossad chief Meir Dagan, at
    # a forum ..., declared ... he said" (a name right after a role noun is a person's)
    ("kcna-ft-2011-12-02-0026", "contrary to the U.S.", "stressed", "named", "Ivan Shawvaker"),
    ("kcna-ft-2011-05-30-0025", "Israel will be mistaken", "said", "named", "Meir Dagan"),
    # "A report delivered by Minister of Public Health Choe Chang Sik was followed by speeches. The reporter
    # and speakers said": the reporter is who the report was made by
    ("kcna-ft-2012-10-31-0004", "Kim Jong Il's work serves as a banner", "said", "named", "Choe Chang Sik"),
    # 'Thongil News ... carried an article "..." contributed by Kwon O Hon, ...': the author speaks in it
    ("kcna-ft-2012-03-09-0021", "large-scale Key Resolve", "said", "named", "Kwon O Hon"),
    # "The sixth issue of Serp I Molot, the organ of ..., carried an article": the publication
    ("kcna-ft-2011-06-24-0022", "Kim Jong Il has successfully embodied", "noted", "named", "Serp I Molot"),
    # a headline speaker that is one common word or a people, which the story names no further ("...:
    # Research", "...: Russians"), is anonymous; a surname is not ("...: Sim" stays Sim Myong Ok)
    ("kcna-hl-2012-02-08-0021", "Malaria Kills More People", ":", "anonymous", None),
    ("kcna-hl-2013-04-04-0007", "DPRK Will Mercilessly Wipe out", ":", "anonymous", None),
    # "53.1 percent ... opposed the conclusion of FTA, the paper said. They said that FTA ..., the paper
    # added": the paper is not a name inside its own words, nor a name before ", the paper said"
    ("kcna-ft-2011-03-13-0003", "They said that FTA", "added", "named", "Hankyoreh"),
    # "The Solidarity for Progress of south Korea on Monday issued a commentary ... It pointed out": a body
    # that issues a document
    (
        "kcna-ft-2012-03-15-0016",
        "the present",
        "pointed out",
        "named",
        "Solidarity for Progress of south Korea",
    ),
    # "Chairman M. Jahangir Khan and other speakers said": the first of them; "Rev. Kim Yong Ju": no title;
    # "the first secretary of the Central Committee of the Communist Party of the Soviet Union": an office
    ("kcna-ft-2011-07-27-0023", "Kim Jong Il in the", "said", "named", "M. Jahangir Khan"),
    ("kcna-ft-2011-10-02-0006", "The south and north of Korea should", "said", "named", "Kim Yong Ju"),
    # Spanish subjects after their verb: "..., senala el articulo y prosigue:" (both the clause before and the
    # block after), "Asi senala el diario Rodong Sinmun en un comentario ... y continua:"
    ("kcna-ft-2012-02-28-0036", "El informe de la nueva estrategia", "senala", "self", "Rodong Sinmun"),
    ("kcna-ft-2012-02-28-0036", "Su caracter reaccionario", "prosigue", "self", "Rodong Sinmun"),
    ("kcna-ft-2011-09-01-0055", "La Constitucion vigente de Japon", "continua", "self", "Rodong Sinmun"),
    # "... of the Party Boris Gryzlov ... Gryzlov said": the given name written before the surname
    ("kcna-ft-2011-10-01-0024", "The collapse of Russia", "said", "named", "Boris Gryzlov"),
    # "Jon Chol (13), a delegate of Sinhung Secondary School in Ryongrim County, Jagang Province, told KCNA:"
    ("kcna-ft-2012-06-02-0013", "I arrived in Pyongyang", "told", "named", "Jon Chol"),
    # "The national leader of the Workers' Party of Mexico said": a one-holder office of an identified body
    ("kcnakp-9b0890693c7e49eb", "last year the DPRK achieved", "said", "named", None),
    # regressions found by batch 50: "made public a joint statement ... as regards the publication of the work
    # authored by First Secretary ... Kim Jong Un" (the author of another work is not the statement's); "New
    # Delhi Times of India" is the New Delhi Times (a place after the name is no more of it)
    (
        "kcna-ft-2012-07-31-0030",
        "the work is of great",
        "said",
        "named",
        "British Association for the Study of Songun Policy",
    ),
    ("kcna-ft-2011-12-20-0061", "The noble feats of Kim Jong Suk", "stressed", "named", "New Delhi Times"),
    # a name covering the whole speaker is that body, whatever role words it holds ("General Staff of the
    # Korean People's Army"); "Hero Pak Chan Su": the title is no part of the name
    ("kcnakp-06cefad179fa4714", "The hostile forces are getting", "issued", "named", "KPA General Staff"),
    ("kcna-ft-2012-10-30-0013", "Generalissimo Kim Il Sung came", "said", "named", "Pak Chan Su"),
    # from batches 52-54: "X, chairman of ..., and other speakers noted": the first of them; '"Path of the
    # Nation," the organ of ...': the name without its marks; Spanish "el diario ... continua": the paper
    (
        "kcna-ft-2011-02-16-0020",
        "the army and people of the DPRK are making",
        "said",
        "named",
        "Songchit Pullarp",
    ),
    ("kcna-ft-2011-11-04-0008", "The harsh suppression is going on", "said", "named", "Path of the Nation"),
    ("kcna-ft-2012-04-03-0044", "La acusacion de Lee", "continua", "self", "Rodong Sinmun"),
    # "En un comentario ..., el diario Rodong Sinmun lo califica de ..., y continua:": the paper goes on
    ("kcna-ft-2012-05-22-0023", "Luego de firmar el convenio", "continua", "self", "Rodong Sinmun"),
    # "...: Majlis" is a name (a plural or a word the text writes in lower case would be described)
    ("kcna-hl-2011-12-07-0019", "Iran Warns U.S., West", ":", "named", "Majlis"),
    # "A vice-spokesman for the Democratic Labor Party ... released a commentary ... It referred to": the
    # commentary of an unnamed spokesman, anonymous (not the headline's words, nor KCNA)
    (
        "kcna-ft-2011-08-29-0013",
        "the conservative organization held",
        "referred to the fact",
        "anonymous",
        None,
    ),
    # session 6: a document, survey or estimate whose issuer the speaker span itself names
    (
        "kcna-ft-2011-12-04-0022",
        "The global economy, troubled",
        "according to",
        "named",
        "UN Department of Social and Economic Affairs",
    ),
    (
        "kcna-ft-2011-08-27-0031",
        "Consumer confidence in the 1",
        "according to",
        "named",
        "European Commission",
    ),
    (
        "kcna-ft-2011-07-25-0011",
        "Ju Wang Hwan was appointed",
        "according to",
        "named",
        "Presidium of the Supreme People's Assembly",
    ),
    ("kcna-ft-2011-05-08-0011", "It has already been confirme", "according to", "named", "Cabinet Office"),
    # a country's own name before an agency is part of the name; a nationality before a paper is not
    ("kcna-ft-2012-02-03-0012", "More than 4 meters of snow", "said", "named", "Japan Meteorological Agency"),
    (
        "kcna-ft-2011-04-23-0025",
        "the death toll increased to",
        "said",
        "named",
        "Japan National Police Agency",
    ),
    # an unknown name that goes on with "Named after February 16", "to Commemorate ...", "in Far East of"
    (
        "kcna-ft-2011-12-30-0043",
        "Kim Jong Il was a genuine po",
        "noted",
        "named",
        "Belarusian Youth Association for the Study of the Juche Idea and Songun Politics Named after"
        " February 16",
    ),
    (
        "kcna-ft-2012-01-13-0017",
        "the Korean people would achi",
        "expressed belief",
        "named",
        "Peruvian Preparatory Committee to Commemorate the Centenary of Birth of President Kim Il Sung",
    ),
    (
        "kcnakp-167fe870661e866b",
        "The group of gangsters takin",
        "noted",
        "named",
        "Social Confederation of Koreans in Far East of Russia",
    ),
    # a plural subject whose members are listed by name ("Among them were the People's Socialist Party,
    # ...", "They include the Committee for ..."): bodies speaking jointly, as the first of them
    (
        "kcna-ft-2012-01-11-0025",
        "the Workers' Party of Korea",
        "expressed belief",
        "named",
        "People's Socialist Party",
    ),
    ("kcna-ft-2012-01-11-0025", "We are convinced that the WP", "said", "named", "People's Socialist Party"),
    (
        "kcna-ft-2011-01-20-0011",
        "the DPRK proposed the south",
        "said",
        "named",
        "Committee for Supporting Reunification of Korea",
    ),
    # "In joint statement on Jan. 13 they said ... the statement added": the statement they made
    (
        "kcna-ft-2011-01-20-0011",
        "This reflects the unanimous",
        "added",
        "named",
        "Committee for Supporting Reunification of Korea",
    ),
    # "New Communist Party of Britain and the Korean Friendship Association UK": two bodies, the first speaks
    (
        "kcnakp-5951b878f01690bb",
        "the party-building cause of",
        "stressed",
        "named",
        "New Communist Party of Britain",
    ),
    # a joint statement's issuers, "X and the Association for ...": the first, quotation marks kept
    (
        "kcna-ft-2011-12-30-0051",
        "The IS has enforced those de",
        "noted",
        "named",
        'People\'s Solidarity for the Repeal of the "National Security Law"',
    ),
    # "The Indonesian paper The First Times": a paper's capitalised "The" is part of its name
    ("kcna-ft-2012-05-05-0020", "He was another President Kim", "noted", "named", "The First Times"),
    # a medium the packs know under describing words: "ITAR-TASS of Russia", "The Chinese People's Daily"
    ("kcna-ft-2012-07-22-0019", "Jon Yong Chol, defector to s", "said", "named", "ITAR-TASS"),
    ("kcna-ft-2012-07-27-0026", "The complex is dynamically p", "said", "named", "People's Daily"),
    # an organisation's canonical name keeps the place written after it somewhere in the text (guidelines 6)
    (
        "kcna-ft-2012-05-01-0019",
        "President Kim Il Sung organi",
        "said",
        "named",
        "Group of Youth for the Study of Kim Jong Il Juche Idea in Vienna",
    ),
    (
        "kcna-ft-2011-01-16-0005",
        "Japan can never become an ob",
        "held",
        "named",
        "Solidarity for Progress in south Korea",
    ),
    # ... but not the lower-case "south" before its "Korean", a description as in the mention span
    (
        "kcna-ft-2011-11-08-0010",
        "people are becoming vocal in",
        "said",
        "named",
        "Korean Federation of Women's Organizations",
    ),
    # "A Korean living in Sweden issued an article ... The article said": an indefinite person's article
    ("kcna-ft-2012-11-17-0016", "The Intelligence Service, th", "said", "anonymous", None),
    # a press review of "Rodong Sinmun of the DPRK Monday" (a name no pack knows as a whole): the paper's own
    ("kcnakp-5357afb6b95681b3", "the new generation of Chongr", "says", "self", "Rodong Sinmun"),
    # a time before the subject: "One day in December Juche 46 (1957), President Kim Il Sung visited ...,
    # saying", "One day in June 2017, he looked round ..., saying"
    ("kcnakp-9b3c8d0800cb2a4b", "it should be remodeled so th", "saying", "named", "Kim Il Sung"),
    ("kcnakp-c34e24b23c7d6abc", "it was perfect in both archi", "saying", "named", "Kim Jong Un"),
    # "...: Bulletins" over "Bulletins were issued in different countries": plural, unnamed (the title's
    # last word and the body's first are no given name and surname)
    ("kcna-ft-2012-10-19-0022", "WPK Will Be Ever-victorious", ":", "anonymous", None),
    # a capitalised title and a name no pack knows, longer than the name the entity finder saw
    (
        "kcna-ft-2012-11-03-0017",
        "President Kim Il Sung founde",
        "said",
        "named",
        "Aleksandr Neves Rosendo da Silva",
    ),
    # "Instruyo realizar el gradeo segun la norma tecnica ...": a standard followed (Spanish puts the head
    # noun first), so the "Senalo que" after it is the premier's, not the norm's
    ("kcna-ft-2012-05-28-0025", "todos los funcionarios deben", "Senalo", "named", "Choe Yong Rim"),
    # "X issued a bulletin ... The bulletin carried articles ... the article said": the bulletin's issuer
    (
        "kcna-ft-2012-06-15-0028",
        "The party has steadily advan",
        "said",
        "named",
        "Democratic Congo-Korea Friendship and Solidarity Association",
    ),
    # 'An article titled "..." was posted on Nepal-Europe, a Nepalese Internet homepage': where it appeared
    ("kcna-ft-2011-12-22-0065", "The Korean people and the wo", "said", "named", "Nepal-Europe"),
    # a paper's name with a Portuguese connector: "the Brazilian paper Hora do Povo"
    ("kcna-ft-2012-07-08-0023", "The balance of forces in the", "said", "named", "Hora do Povo"),
    # "Review of Rodong Sinmun" over "Pyongyang, ... (KCNA) --": the reviewed paper, not the dateline's agency
    ("kcnakp-b47bc54fa2100cb4", "the DPRK is a people-centere", "says", "self", "Rodong Sinmun"),
    # headline speakers that only describe, with a place or a hyphenated describer
    ("kcna-hl-2012-11-23-0007", "Kimilsungism-Kimjongilism Wi", ":", "anonymous", None),
    ("kcna-hl-2012-06-28-0022", 'Probability of "Cheonan" War', ":", "anonymous", None),
    # a country's government by its demonym: "the Japanese government" is the Government of Japan (1.4)
    ("kcna-ft-2011-04-14-0043", "radioactive strontium was de", "announced", "named", "Government of Japan"),
    # "a decree issued by the Presidium of the Supreme People's Assembly some days ago": its issuer
    (
        "kcna-ft-2011-12-09-0004",
        "The DPRK adopted law on the",
        "according to",
        "named",
        "Presidium of the Supreme People's Assembly",
    ),
    # 'south Korean Internet radio "Voice of People"': a medium named in quotation marks
    ("kcna-ft-2012-06-14-0020", "Chun Doo Hwan and his clique", "recalled", "named", "Voice of People"),
    # "carried in its Feb. 11 bulletin an article": an abbreviation inside the words before the document
    (
        "kcna-ft-2011-02-19-0027",
        "he has devoted his all to",
        "noted",
        "named",
        "Brazilian Working People's General Centre",
    ),
    # "Lyne Sinyodyium, councilor of the European Society ..., in a statement said": the phrase before the
    # cue closes the appositive; the name before it speaks
    ("kcna-ft-2012-04-07-0020", "the DPRK can launch satellit", "said", "named", "Lyne Sinyodyium"),
    # headline speakers that describe with the head first or a possessive: "...: Organization of Koreans in
    # Japan", "...: Koreans' Organization in Germany"
    ("kcna-hl-2013-02-18-0023", "", ":", "anonymous", None),
    ("kcna-hl-2013-02-10-0002", "", ":", "anonymous", None),
    # "The general director of a company ... said": a director of a company the text does not identify, not
    # "the General" (Kim Jong Il)
    ("kcna-ft-2011-11-04-0009", "the answers made him know we", "said", "anonymous", None),
    # a title and a name no pack knows: the person ("Panama's Drug Prosecutor Javier Caraballo", "War veteran
    # Ri Un Chang", "Syrian Charge d'Affaires A.I. Haissam Saad")
    ("kcna-ft-2011-09-10-0037", "80 Panamanians and Colombian", "says", "named", "Javier Caraballo"),
    # "Just after the occurrence of the case the south Korean authorities asserted": past the opening
    # phrase; a state's authorities are the state (guidelines 6)
    ("kcna-ft-2011-03-26-0014", "the ship's sinking near the", "asserted", "named", "South Korea"),
    # "Turkey's Foreign Ministry": that country's, not the DPRK's ministry the packs call "Foreign Ministry"
    ("kcna-ft-2012-04-09-0028", "We strongly condemn the Isra", "said", "named", "Turkey's Foreign Ministry"),
    # '"...," said Abbas.': a surname with the sentence's full stop, the person named in full before
    ("kcna-ft-2011-09-20-0026", "This is our first choice, an", "said", "named", "Mahmoud Abbas"),
    # "Su madre Kim Un Mi": a Spanish family word before the name
    ("kcna-ft-2012-06-02-0030", "Toda mi familia muy emociona", "senalo", "named", "Kim Un Mi"),
    # "Thai authorities confirmed": the state, through the packs' demonym table
    ("kcna-ft-2011-11-05-0030", "nearly 427 people have died", "confirmed", "named", "Thailand"),
    # "Xinhua News of China": a medium's country after its name is no part of it (guidelines 6)
    # (the packs know "Xinhua News" as Xinhua's name in KCNA's writing: the canonical name, session 18)
    ("kcna-ft-2011-03-05-0015", "The head of the DPRK delegat", "reported", "named", "Xinhua"),
    # ... also after an acronym or a lower-case "news agency" ("CBS of south Korea", "AKP news agency of
    # Cambodia"), but "Radio of Democratic Congo" is a name
    ("kcna-ft-2011-03-24-0018", "The Council of Christian Chu", "according to", "named", "CBS"),
    ("kcna-ft-2011-09-20-0020", "the DPRK would certainly bui", "said", "named", "AKP news agency"),
    # "KCNA met Ha Sin Guk, a department director ... He said:": the medium's interviewee
    ("kcna-ft-2012-09-24-0019", "At this expo the Committee", "said", "named", "Ha Sin Guk"),
    # a quoted clause's anonymous plural speaker in the sentence before does not hide its subject
    ("kcna-ft-2012-03-28-0023", "Had an explosion occurred", "held", "named", "Sin Sang Chol"),
    # "The principal of Indrafrasta National School of India in a lecture noted": an office one person holds
    # in a body the text names (guidelines 2.3, session 5; this case pinned "anonymous" before)
    ("kcna-ft-2012-04-30-0020", "though the DPRK is not a lar", "noted", "named", None),
    # "The rector of Cotonou Institute of Journalism of Benin and other speakers said": the first conjunct,
    # an office one person holds in a named body; the "they" after them is the group
    ("kcna-ft-2012-04-28-0032", "the Lee Myung Bak group of s", "said", "named", None),
    ("kcna-ft-2012-04-28-0032", "This was an intolerable evil", "added", "anonymous", None),
    # a body whose "for" takes a list: "Solidarity for Democracy, People's Life, ... and Sovereignty"
    (
        "kcna-ft-2011-12-28-0035",
        "The Solidarity expresses hea",
        "said",
        "named",
        "Solidarity for Democracy, People's Life, Peaceful Reunification and Sovereignty of south Korea",
    ),
    # session 7. "The June 2 statement released by the Association ... It noted": no sentence introduces the
    # document as issued by someone; the story's lead names its subject, whose it is
    (
        "kcna-ft-2011-06-09-0022",
        "the association would",
        "noted",
        "named",
        "France-Korea Friendship Association",
    ),
    # "...: Khamenei": a surname ending in -i is no demonym unless its stem is a country
    ("kcna-hl-2011-11-14-0019", "U.S. and Israel Warned", ":", "named", "Khamenei"),
    # an office and its body, then the holder's name: the person ("Military Attache of the Iranian Embassy
    # Hassan Reza Husseini", "Premier of the State Council of China Wen Jiabao", "Head of the Chinese circus
    # troupe Litie Jin", Spanish with the age: "oficial del Ejercito Popular de Corea Jon Chang Su (50 anos")
    ("kcna-ft-2011-12-22-0051", "the demise of Kim Jong Il", "stressed", "named", "Hassan Reza Husseini"),
    ("kcna-ft-2011-11-04-0011", "The Communist Party of Italy", "stressed", "named", "Oliviero Diliverto"),
    ("kcna-ft-2011-05-25-0020", "only dialogue and", "said", "named", "Wen Jiabao"),
    ("kcna-ft-2012-04-17-0012", "I deem it", "told", "named", "Litie Jin"),
    ("kcna-ft-2012-06-02-0030", "al instalar bien", "dijo", "named", "Jon Chang Su"),
    # ... but not a name going on after "for": "spokesman for the Korean Committee for Space Technology"
    ("kcna-ft-2012-03-16-0006", "a home-made application", "announced", "anonymous", None),
    # "la artista benemerita Kim Mi Ran (48 anos de edad), jefa del citado colectivo, dijo": the name before
    # the appositive, past the age
    ("kcna-ft-2012-10-15-0027", "su colectivo, compuesto", "dijo", "named", "Kim Mi Ran"),
    # 'President Roza Otunbayeva said in a speech on this occasion: "..."': the cue, a phrase, the colon
    ("kcna-ft-2011-09-03-0030", "We all must work", "said", "named", "Roza Otunbayeva"),
    # "Consultado por la ACNC, el gerente de la fabrica Choe Yong Nam (55 anos de edad), dijo": the participle
    # and its agent open the sentence; the speaker comes after them
    ("kcna-ft-2012-04-03-0041", "el desarrollo constante", "dijo", "named", "Choe Yong Nam"),
    # "...: Larijani": a surname, no demonym
    ("kcna-hl-2012-01-20-0011", "West Scenarios", ":", "named", "Larijani"),
    # "carried its correspondents ... notes ... The notes said": a correspondent's notes are a document
    # (Xinhua by its canonical name: the packs know "Xinhua News", session 18)
    ("kcna-ft-2012-09-12-0037", "since its inauguration", "said", "named", "Xinhua"),
    # "Kim Jong Un's work "..." ... The work, published on April 6, 2012, says": its author
    ("kcna-ft-2012-05-07-0024", "it is the principled", "says", "named", "Kim Jong Un"),
    # "This support was manifested in its statement ... the statement said": whose "its" is
    (
        "kcna-ft-2011-07-19-0022",
        "July 27 was the day",
        "said",
        "named",
        "Bangladesh Institute of the Juche Idea",
    ),
    # "The Youth and Student Sub-Committee of the North Side Committee for Implementing the June 15 Joint
    # Declaration ... issued a joint statement": a body's name opening with a word that describes people
    (
        "kcna-ft-2012-08-29-0009",
        "The Japanese imperialists cooked",
        "said",
        "named",
        "Youth and Student Sub-Committee of the North Side Committee for Implementing the June 15 Joint"
        " Declaration",
    ),
    # "The attorney-general of Australia in a statement Monday accused ... he said": an unnamed one-holder
    # office of a country the text names (guidelines 2.3)
    ("kcna-ft-2011-05-13-0024", "The move is Australia", "said", "named", None),
    # "Pracheachon, the organ of the People's Party of Cambodia, ... the paper said": an organ is a paper
    ("kcna-ft-2012-02-17-0015", "The international community", "said", "named", "Pracheachon"),
    # 'The paper in an article titled "WPK is the party of ..." said': no name inside the title is the paper
    ("kcna-ft-2012-07-05-0029", "The harmonious whole", "said", "named", "Nakhodkinski Rabochi"),
    # "...: Foreign Papers", "...: S. Korean": several papers, a demonym: anonymous (the story may name them)
    ("kcna-ft-2011-09-19-0022", "DPRK, People's Country", ":", "anonymous", None),
    ("kcna-hl-2012-03-26-0021", "Praising Great Men", ":", "anonymous", None),
    # "the curator said" after "the curator of Kim Jong Suk Library of Peru": a one-holder office (pack data)
    ("kcna-ft-2011-11-30-0025", "The nuclear issue", "said", "named", None),
    # "La directora de departamento O Jong Sun (55 anos de edad) destaco": a one-letter surname
    ("kcna-ft-2011-12-23-0116", "No hay en la historia", "destaco", "named", "O Jong Sun"),
    # "Kim Yong Nam, al partir de ..., envio el dia 7 un mensaje ... El remitente expreso": who sent it
    ("kcna-ft-2012-08-08-0029", "el profundo agradecimiento", "expreso", "named", "Kim Yong Nam"),
    # "Kim Jong Il gave his handwriting to a letter ... from officials ...": "his" is not the letter's
    ("kcna-ft-2011-11-12-0003", "We will keep the vinalon", "said", "anonymous", None),
    # "according to a report of south Korea's KBS": the issuer after a place's possessive
    ("kcna-ft-2012-01-04-0017", "The prosecution authorities", "according to", "named", "KBS"),
    # "Segun la encuesta ... publicada por Tokio Shimbun": a survey speaks for whoever published it
    ("kcna-ft-2012-01-18-0029", "el 85% de los", "segun", "named", "Tokio Shimbun"),
    # "says the Rodong Sinmun newspaper Monday. ... the daily says": a weekday is no paper's name
    ("kcna-ft-2011-07-18-0013", "As for its economic policy", "says", "self", "Rodong Sinmun"),
    # "The Indian paper Science Technology and Education News on June 8 ...": a paper's name with "and"
    (
        "kcna-ft-2011-06-16-0026",
        "the DPRK is a country of",
        "noted",
        "named",
        "Science Technology and Education News",
    ),
    # "..., a navy spokesman said Monday.", "..., a research agency said on April 17.": a time after the
    # closing cue
    ("kcna-ft-2011-09-08-0042", "The Colombian Navy has seized", "said", "anonymous", None),
    ("kcna-ft-2012-04-24-0056", "New condominium supply", "said", "anonymous", None),
    # "They declared they would wage ...": no "that", but a clause with its own subject and verb
    ("kcna-ft-2011-07-12-0029", "they would wage", "declared", "anonymous", None),
    # "A spokesman for the Korean Committee for Space Technology announced Friday that ...": past the day
    ("kcna-ft-2012-03-16-0004", "the DPRK would launch", "announced", "anonymous", None),
    # "..., dijo el delegado de la Republica Popular Democratica de Corea, en su discurso": a Spanish speaker
    # after the cue, with its article
    ("kcna-ft-2012-04-16-0039", "La Peninsula Corana", "dijo", "anonymous", None),
    # "El Comite Coreano por la Paz de Asia y el Pacifico (CCPAP) envio ... un aviso ... El aviso senala": the
    # body named before the verb of sending (a Spanish alias in the pack)
    ("kcna-ft-2011-01-31-0019", "Puesto que van", "senala", "named", "Korea Asia-Pacific Peace Committee"),
    # "Kim Jong Unsaid that ...", "ComradeKim Jong Unsaid on the spot: "..."": a cue glued to the name before
    ("kcnakp-167f59ccca3f980a", "the great history of Korea's", "said", "named", "Kim Jong Un"),
    ("kcnakp-feeeb7de27e1b243", "The test-fire is", "said", "named", "Kim Jong Un"),
    # "..., said the general secretary of the Struggle for the Peace and Socialism of Italy.": an office
    # and its body after an inverted cue (a one-holder office, unnamed)
    ("kcna-ft-2012-02-23-0031", "The Korean people will certainly", "said", "named", None),
    # "he asked the chief engineer of the farm how much fertilizer it applied": the question asked
    ("kcna-ft-2012-07-05-0020", "how much fertilizer", "asked", "named", "Kim Il Sung"),
    # "Suddenly he asked if ...": an adverb before the pronoun is no part of the speaker
    ("kcnakp-22b54be9c5ad1b26", "primary school teachers", "asked", "named", "Kim Jong Un"),
    # "Larijani: Regional Countries Should Boost Cooperation", "Qatari PM: Arab Countries Reject ...": an
    # English headline that opens with its speaker (a surname, a demonym and an office)
    ("kcna-hl-2011-10-12-0014", "Regional Countries", ":", "named", "Larijani"),
    ("kcna-hl-2011-11-16-0013", "Arab Countries Reject", ":", "named", "Qatari PM"),
    # "the Communist Workers' Party of Russia-Revolutionary Communist Party": one name across the hyphen
    (
        "kcna-ft-2011-06-13-0016",
        "The DPRK has recently opened",
        "said",
        "named",
        "Communist Workers' Party of Russia-Revolutionary Communist Party",
    ),
    # "Vishwanath, director-general of the International Institute ...": a one-word name and its office;
    # "he said" after it is that person
    ("kcna-ft-2012-06-14-0028", "These achievements are something", "said", "named", "Vishwanath"),
    # "Haile-Mariam Dessalegn, Ethiopian foreign minister, ...": describing words before the office
    # "Ri Hyon Min, vice-chairman of ...": not the "Ri Hyon" the pack knows, a longer name
    ("kcna-ft-2012-09-21-0007", "all the officials of the youth", "said", "named", "Ri Hyon Min"),
    ("kcna-ft-2011-09-30-0037", "the global economic situation", "said", "named", "Haile-Mariam Dessalegn"),
    ("kcna-ft-2012-03-22-0023", "Many people who heard", "said", "named", "Baranikova"),
    # "..., the Chinese permanent representative to the United Nations said at a Security Council open meeting
    # on April 21.": a closing cue with where it was said; a nationality and a one-holder office
    ("kcna-ft-2011-04-25-0019", "China is deeply concerned", "said", "named", None),
    ("kcna-ft-2011-04-25-0019", "China hoped the parties", "said", "named", None),
    # "The Russian internet news Balt Info said:", "The Italian Citta Aperta reported": a nationality (and a
    # medium noun) describe the medium, not part of its name
    ("kcna-ft-2012-10-26-0027", "The spokesman said that only", "said", "named", "Balt Info"),
    ("kcna-ft-2011-06-23-0032", "the WPK could win only", "reported", "named", "Citta Aperta"),
    # "The Council of Christian Churches in south Korea urged ..., according to CBS of south Korea. ... the
    # council said": a body named in what a medium reports is there for "the council" to stand for
    (
        "kcna-ft-2011-03-24-0018",
        "it was greatly disappointed",
        "said",
        "named",
        "Council of Christian Churches in south Korea",
    ),
    # "General Secretary of the Communist Party of Italy Oliviero Diliverto": a title, its body (ending in a
    # place) and a name no pack knows; "he noted" after it is that person, not the ambassador he met
    ("kcna-ft-2011-11-04-0011", "The leadership ability of the WPK", "noted", "named", "Oliviero Diliverto"),
    # "Executive Director of the EEMP Kosima Weber Liu": the body ends in an acronym
    ("kcna-ft-2012-03-12-0010", "it was her honor", "said", "named", "Kosima Weber Liu"),
    # "He said this is an ethic and moral issue": a clause opening with "this" (not "says this, and goes on")
    (
        "kcna-ft-2011-07-07-0027",
        "this is an ethic and moral",
        "said",
        "named",
        "Fernando Armindo Lugo Mendez",
    ),
    # "The commander-in-chief of the People's Army of Syria said", "the U.S. chief executive said": offices
    # one person holds (pack data)
    ("kcna-ft-2011-04-30-0012", "Kim Jong Il has developed the DPRK", "said", "named", None),
    ("kcna-ft-2012-03-27-0003", "he has no hostility toward", "said", "named", None),
    # "Former French Minister of Culture Jack Lang, member of ...", then "Jack Lang welcomed ...": the name is
    # what the document also writes alone, not "Culture Jack Lang"; and it is a name wherever written
    ("kcna-ft-2012-03-15-0004", "it would achieve great success", "expressed belief", "named", "Jack Lang"),
    ("kcna-ft-2012-03-15-0004", "the Unhasu Orchestra's visit", "Noting", "named", "Jack Lang"),
    ("kcna-ft-2012-03-16-0038", "el presente concierto", "Destaco", "named", "Frederic Mitterand"),
    # "Finnish Foreign Minister Erkki Tuomioja and Swedish Foreign Minister Carl Bildt clarified ... They
    # warned": two titled people (two names), and "They" speaks as the first of them (guidelines 2.2)
    ("kcna-ft-2012-03-24-0024", "the military actions against Iran", "warned", "named", "Erkki Tuomioja"),
    # "Head of the delegation of the All-China Journalists Association Zhang Xinxin, chief editor of ..., was
    # interviewed by KCNA. He said": the body ends at its head word, the name after it is the subject, "He"
    ("kcna-ft-2011-09-27-0005", "he was pleased to visit", "said", "named", "Zhang Xinxin"),
    # 'said in an article titled "Anniversary of the foundation of the DPRK" that ...': a title in quotation
    # marks between the cue and "that"
    (
        "kcna-ft-2011-09-06-0013",
        "the founding of the DPRK made",
        "said",
        "named",
        "Romanian Workers' Association",
    ),
    # "The general secretary of the ..., the chairman of the ... and the chief of the ... said that": office-
    # holders of named bodies listed as one long subject (kcna.kp 2024)
    ("kcnakp-9b0890693c7e49eb", "the progressive mankind keenly", "said", "named", None),
    # "They demanded that the authorities take correct measures": a demand with its content clause is speech
    # (without "that", "demanded the authorities stop ..." is not: guidelines 2.1)
    ("kcna-ft-2011-05-16-0014", "the authorities take correct measures", "demanded", "anonymous", None),
    # "he said, adding that to this end the factory should ...": a clause opening with a phrase after "that"
    ("kcna-ft-2012-02-22-0001", "to this end the factory should", "adding", "named", "Kim Jong Un"),
    # "Sin Tae Myong (12 anos de edad) dijo a la ACNC que ...": whom a Spanish cue tells, then "que"
    ("kcna-ft-2012-06-02-0032", "cuando tomaba por primera vez", "dijo", "named", "Sin Tae Myong"),
    # "Kim Jong Il, ... Presidente del Comite de Defensa Nacional de la RPDC, envio ... un mensaje ... La
    # misiva va como sigue:": a Spanish block cue, and the sender is the person whose title names the body
    ("kcna-ft-2011-08-26-0037", "Al regresar a la patria", "va como sigue", "named", "Kim Jong Il"),
    # "En una rueda de prensa concedida el dia 20, un miembro de la Comision ..., insistio en que": a phrase
    # opening the sentence is no name before an appositive
    ("kcna-ft-2011-06-24-0027", "en que el accidente de la central", "insistio", "anonymous", None),
    # "11 Pakistani political parties and organizations issued a joint statement ... They included the Sind
    # Provincial Committee of the Labor Party, ...": a counted plural subject, its first listed member
    (
        "kcna-ft-2011-07-03-0009",
        "Tension is constantly running",
        "said",
        "named",
        "Sind Provincial Committee of the Labor Party",
    ),
    # "he, with a broad smile on his face, said that ...": a phrase between commas after the pronoun
    ("kcnakp-1f0fa8309e5913b5", "if fruits are picked in the orchard", "said", "named", "Kim Il Sung"),
    # "The manager of a company from Dandong, China said": the country places the town, no subject; "..., the
    # Italian said": a person described by nationality, anonymous
    ("kcna-ft-2012-08-10-0016", "the policy for the people is in force", "said", "anonymous", None),
    ("kcna-ft-2012-08-10-0016", "Only Korean people united around", "said", "anonymous", None),
    # "The Philippine government has strengthened ... the government of the country declared": the government
    # of the country the story is about, in its canonical form (guidelines 1.4)
    (
        "kcna-ft-2011-03-15-0022",
        "it would deploy additional",
        "declared",
        "named",
        "Government of the Philippines",
    ),
    # "The Japanese economy shrank ..., the government said Friday": the country by its demonym
    ("kcna-ft-2011-09-13-0023", "The Japanese economy shrank", "said", "named", "Government of Japan"),
    # "The north announced that ...", "the south side said that ...": how KCNA names the two states as
    # speakers (dprk pack speaker_aliases)
    ("kcna-ft-2012-03-26-0015", "it would launch satellite", "announced", "named", "DPRK"),
    # "The Dec. 23rd issue of Changgang Ribao carried an article ... It said": an issue dated with an
    # abbreviation, and "It" is the paper
    ("kcna-ft-2011-12-31-0028", "the music has become a powerful", "said", "named", "Changgang Ribao"),
    # "Looking round the facilities he said": the pronoun after a participle's phrase
    (
        "kcna-ft-2012-05-04-0007",
        "the officials should serve the convenience",
        "said",
        "named",
        "Choe Yong Rim",
    ),
    # "The Working Citizens' Association of Democratic Congo said in its statement that": not a participle
    (
        "kcna-ft-2012-01-13-0017",
        "the world was deeply moved",
        "said",
        "named",
        "Working Citizens' Association of Democratic Congo",
    ),
    # "the noble intention of the General Secretary who said that ...": the noun before the relative pronoun
    ("kcnakp-2bf07e42d837b252", "a powerful country can never", "said", "named", "Kim Jong Un"),
    # "The ITAR-TASS of Russia on Monday introduced ... the news agency noted": the medium named before
    ("kcna-ft-2011-10-28-0015", "The factory was built by soldiers", "noted", "named", "ITAR-TASS"),
    # "presented his credentials to Albert II, King of Belgium. The king said ...": a capitalised office and
    # what it is the office of make the name before the comma a person's
    ("kcna-ft-2012-05-16-0026", "the tensions would be defused", "expressed hope", "named", "Albert II"),
    # "Califico de excelente el entrenamiento y dijo que ...": a Spanish clause without a subject joined to
    # the cue; the person the story is about speaks (pack subjectless_clauses)
    ("kcna-ft-2012-08-07-0025", "el sagrado cielo de la patria", "dijo", "named", "Kim Jong Un"),
    # "Soldiers of the U.S. allies deplored", "Citizens from across the ROK said": a plural common noun,
    # capitalised as the sentence's first word, describes people and names no one
    ("kcna-ft-2012-06-30-0014", "their right in the Korean War", "deplored", "anonymous", None),
    ("kcnakp-680d297f19647005", "the people's mindset is the only", "said", "anonymous", None),
    # "An official made him a request ... He said that ...": the "him" an unnamed person spoke to is the "he"
    ("kcnakp-1b790e19691a0487", "if the ice rink is to be used", "said", "named", "Kim Jong Un"),
    # "... of the National Democratic Youths and Students League": plurals joined inside one name
    (
        "kcna-ft-2012-09-28-0017",
        "if the expression of apology",
        "noted",
        "named",
        "Society for Inheriting Spirit of the National Democratic Youths and Students League",
    ),
    # "Radio", "Foreign press reports", "Russia's Radio", "the Chinese side": capitalised, but a nationality
    # and common nouns only, a description and no name
    ("kcna-hl-2011-09-21-0051", "DPRK Insists on Six-party Talk", ":", "anonymous", None),
    ("kcna-ft-2011-05-28-0030", "buildings in the city were alm", "said", "anonymous", None),
    ("kcna-hl-2012-03-03-0005", "U.S.-S. Korea Joint Military E", ":", "anonymous", None),
    ("kcna-ft-2011-08-21-0002", "it was their obligation before", "said", "anonymous", None),
    # "Angola's Education Ministry ... according to the minister": the one holder of the ministry named
    ("kcna-ft-2012-02-07-0025", "in the new academic year", "said", "named", None),
    # "... since long time ago.,  Ram Baran Yadav, president of Nepal, said this ...": "ago" ends a sentence,
    # so the "he" after it finds Ram Baran Yadav as that sentence's subject
    ("kcna-ft-2011-01-08-0010", "The governments and people of", "noted", "named", "Ram Baran Yadav"),
    # "However, the Lee Myung Bak regime of south Korea is sticking to ... he said": the regime is no person
    ("kcna-ft-2012-10-11-0022", "The Lee group is wholly to bla", "said", "named", "Riyad Chaloub"),
    # one-holder offices of a body the text names, the holder unnamed (guidelines 2.3): the office alone
    # after its full form ("the managing director"), two offices joined by "and concurrently", a capitalised
    # office ("The Director General for Public Relations of ..."), a body then its office ("The U.S. forces
    # commander in south Korea")
    ("kcna-ft-2011-09-22-0040", "the worldwide poor economic si", "said", "named", None),
    ("kcnakp-0d347006e0b9308d", "they full support the Korean p", "said", "named", None),
    ("kcna-ft-2011-09-06-0012", "President Kim Il Sung founded", "recalled", "named", None),
    ("kcna-ft-2012-09-03-0009", "UFG is based on actual scenari", "said", "named", None),
    # 'The Mongolian defense minister voiced ..., according to Russia's ITAR TASS. "...," he said': the
    # subject of what a medium reports is the "he"
    ("kcna-ft-2012-01-13-0015", "The DPRK nuclear issue draws p", "said", "named", None),
    ("kcna-ft-2012-05-02-0022", "If the authorities disregard t", "warned", "named", None),
    # "Organizations of various strata in south Korea issued a statement": a plural common noun, no issuer's
    # name; "The director of the media bureau of the PNA in a statement": one holder, unnamed
    ("kcna-ft-2012-05-29-0020", "It is two years since the auth", "said", "anonymous", None),
    ("kcna-ft-2011-04-07-0029", "The Israeli military escalatio", "said", "named", None),
    # "C. C., WPK" (spaced): the WPK Central Committee of the dprk pack
    ("kcna-ft-2011-02-26-0002", "the young people have honorabl", "said", "named", "WPK Central Committee"),
    # "Ivan Shawvaker who is a spokesperson for ... said": the noun phrase before the relative clause
    ("kcna-ft-2011-12-02-0026", "the new sanctions imposed on I", "said", "named", "Ivan Shawvaker"),
    ("kcna-ft-2011-05-20-0009", "the work comprehensively and s", "said", "named", "Pae Tal Jun"),
    # "When an official told him about the fact that ..., he asked": the subordinate clause's own subject
    # speaks up to its comma, and the "him" it spoke to is the "he"
    ("kcnakp-1f0fa8309e5913b5", "the farm built several fruit s", "told", "anonymous", None),
    ("kcnakp-1f0fa8309e5913b5", "which was better between the u", "asked", "named", "Kim Il Sung"),
    # a block after "said:" ends before "Kim Cha Dol, chairman of ..., said that ...", a name and its
    # appositive attributing the next paragraph, so the "he" after it is Kim Cha Dol
    ("kcna-ft-2012-02-28-0020", "Kim Jong Il, a peerlessly grea", "noted", "named", "Kim Cha Dol"),
    (
        "kcna-ft-2012-04-15-0007",
        "Thanks to the leadership of Ki",
        "added",
        "named",
        "Jesus Antonio Carlos Hernandez",
    ),
    ("kcna-ft-2011-08-19-0024", "Kim Il Sung won successive vic", "continued", "named", "Eddie Kekana"),
    # "Korean artiste in the U.S. Ri Jun Mu, chief of the Uruk Symphony Orchestra, posted an article ...
    # the article said": no subject found, the one named before the posting verb wrote it
    ("kcna-ft-2012-08-08-0023", "People across the world lavish", "said", "named", "Ri Jun Mu"),
    # Spanish: "El Comite Central del Partido ... hizo publica una declaracion ... La nota senala": "El"
    # before a name is its article, and "nota" also names a statement
    (
        "kcna-ft-2011-01-20-0022",
        "el Partido Comunista de Cechy-",
        "senala",
        "named",
        "Comite Central del Partido Comunista de Cechy-Morava de Checo",
    ),
    # "El Comandante Supremo del Ejercito Popular de Corea, Kim Jong Un, envio un mensaje": the title's
    # holder named between commas sent it
    ("kcna-ft-2012-03-06-0042", "expresa agradecimiento especia", "destaco", "named", "Kim Jong Un"),
    # "recibio una carta que le enviaran ... los participantes en el Seminario": described senders
    ("kcna-ft-2011-05-09-0026", "a través del presente seminari", "según", "anonymous", None),
    # a round-up: "The Brazilian Committee for Solidarity with the DPRK on June 12 posted ... an article"
    # opens a new source's paragraph, so the last paper's block ends before it
    (
        "kcna-ft-2012-06-27-0009",
        "the joint declarations were ad",
        "said",
        "named",
        "Brazilian Committee for Solidarity with the DPRK",
    ),
    (
        "kcna-ft-2012-08-08-0028",
        "The hideous terrorism against",
        "said",
        "named",
        "Peruvian Group for the Study of Kimilsungism-Kimjongilism",
    ),
    # "The south Korean Council of Christian Churches condemned ..., according to CBS. It said": the body
    # the medium reports on
    (
        "kcna-ft-2012-04-28-0020",
        "the south-north relations have",
        "said",
        "named",
        "Korean Council of Christian Churches",
    ),
    # "State Radio reported ... the radio noted": a broadcaster no pack knows, named with that head before
    ("kcna-ft-2012-04-09-0035", "A bright prospect was opened f", "noted", "named", "State Radio"),
    # "Vice-Chairman of the Central Committee of the National Construction Front of Laos Tong Yeu Tho, ...
    # said ... The vice-chairman hoped": the whole capitalised title before the name is his
    ("kcna-ft-2012-10-10-0023", "the dear respected Kim Jong Un", "hoped", "named", "Tong Yeu Tho"),
    # "..., comenzo Pak y prosiguio:": a Spanish inverted name needs no article
    ("kcna-ft-2012-07-04-0038", "A pesar de estar angustiada po", "prosiguio", "named", "Pak Jong Suk"),
    # "According to recent information available from the south Korean Association for ...": its issuer
    (
        "kcna-ft-2012-08-05-0006",
        "nearly 200 out of the south Ko",
        "according to",
        "named",
        "Korean Association for Supporting South-North Exchange and Cooperation",
    ),
    # "It is necessary to ..., Rodong Sinmun Monday says this in a by-lined article.": the words before the
    # comma, and the "It goes on:" after them
    ("kcna-ft-2011-09-19-0009", "It is necessary to hold aloft", "says", "self", "Rodong Sinmun"),
    ("kcna-ft-2011-09-19-0009", "Independence provides the Kore", "goes on", "self", "Rodong Sinmun"),
    # "Rodong Sinmun says in a bylined commentary ... the news analyst says": the paper's own writer
    ("kcna-ft-2012-10-02-0010", "The DPRK will never remain an", "says", "self", "Rodong Sinmun"),
    # "Papers Sunday in bylined commentaries say": the DPRK papers of a press review together
    ("kcna-ft-2012-08-26-0002", "this is nothing but a deceptiv", "say", "self", None),
    # "The Indonesian paper Suara Karya said ... the article noted ... it added": the paper that spoke just
    # before, not the agency's own article
    ("kcna-ft-2011-06-23-0032", "His nearly half a century-long", "noted", "named", "Suara Karya"),
    # "The United States recently made public its new strategy. In the strategy, it claimed": the state
    ("kcna-ft-2011-03-23-0016", "its military target is to coun", "claimed", "named", "United States"),
    # "Supreme Commander of the Korean People's Army Kim Jong Un Sunday sent a message": the holder of the
    # title, not its body
    ("kcna-ft-2012-07-16-0001", "the unit has taken the lead in", "according to", "named", "Kim Jong Un"),
    # "...: MP", "Teachers and students of ... declaring", "Lots of people ... saying": a kind of people,
    # a plural common noun or a quantity, capitalised at the start, names no one
    ("kcna-hl-2011-10-26-0017", "West's Sanctions on Iran Accus", ":", "anonymous", None),
    ("kcna-ft-2012-09-01-0018", "they would take part in the ca", "declaring", "anonymous", None),
    ("kcna-ft-2012-08-15-0020", "the President's strategy was u", "saying", "anonymous", None),
    # "El Presidium de la Asamblea Popular Suprema ... hizo publico un decreto ... Segun el documento": the
    # document named another way before
    (
        "kcna-ft-2011-12-31-0046",
        "las monedas acunadas conmemora",
        "segun",
        "named",
        "Presidium of the Supreme People's Assembly",
    ),
    # "Y expresó su convicción de que ...": no subject after Spanish "and", the person the story is about
    ("kcna-ft-2011-04-16-0025", "su convicción de que bajo la s", "expresó", "named", "Hibrahim Mantu"),
    # "Kim Un Hye, a 29-year-old woman living in Central District, Pyongyang, told": the city places the
    # district, it is no subject
    ("kcna-ft-2011-05-04-0010", "the lotion has made her face f", "told", "named", "Kim Un Hye"),
    # "..., ,  Asi senalo el dia 28 de octubre el jefe de delegacion coreana": the paragraph before is his,
    # an office one person holds, named with no entity (guidelines 2.3; session 14)
    ("kcna-ft-2011-11-02-0031", "El gobierno de la Republica Po", "senalo", "named", None),
    # "... the city mayor's reckless remarks ... The mayor in a news interview said": the one holder of a
    # place's office, the place named before (guidelines 2.3)
    ("kcna-ft-2012-09-26-0021", "there is no evidence proving t", "said", "named", None),
    ("kcna-ft-2012-09-26-0021", "if there took place such pract", "said", "named", None),
    # "Korean in China Kim Suk on July 11 carried an article ... the article said": the person named before
    # the verb carried it
    ("kcna-ft-2012-07-21-0015", "the disgrace suffered by south", "said", "named", "Kim Suk"),
    # "The 6th Corps of the south Korean puppet army announced on Sept. 23 that it would ..., according to
    # south Korean Yonhap News.": the medium reports the whole sentence, the numbered unit (identified) the
    # words inside it
    ("kcna-ft-2011-09-22-0024", "The 6th Corps of the south Kor", "according to", "named", "Yonhap"),
    (
        "kcna-ft-2011-09-22-0024",
        "it would build reserve force f",
        "announced",
        "named",
        "6th Corps of the south Korean puppet army",
    ),
    (
        "kcna-ft-2012-02-27-0024",
        "it would stage military exerci",
        "announced",
        "named",
        "56th Infantry Division",
    ),
    # "..., said the Peruvian Preparatory Committee for Commemorating the Centenary of Birth of President Kim
    # Il Sung in a statement on June 10.": a long capitalised name after an inverted cue, whose statement
    # speaks after
    (
        "kcna-ft-2011-06-22-0027",
        "The movement for Korea's reuni",
        "said",
        "named",
        "Peruvian Preparatory Committee for Commemorating the Centenary of Birth of President Kim Il Sung",
    ),
    # "..., senalo el y continuo:": the pronoun after the verb (él without its accent) goes on
    ("kcna-ft-2011-12-07-0025", "Se promueven los proyectos par", "senalo", "named", "Kim Mun Chol"),
    # "The ... feats of Kim Jong Suk ... were praised by Teresa Otiniano, chairwoman of .... In her speech
    # ... she said:": who praised them is the subject
    ("kcna-ft-2012-03-19-0025", "Kim Jong Suk performed disting", "said", "named", "Teresa Otiniano"),
    # "The Joint Conference of Political Parties and Civic and Social Organizations of south Korea at a press
    # conference on Feb. 17 declared ...": a name with no head word, known as the acting subject; "it" is it
    (
        "kcna-ft-2011-02-21-0019",
        "The danger of war mounted",
        "added",
        "named",
        "Joint Conference of Political Parties and Civic and Social Organizations of south Korea",
    ),
    (
        "kcna-ft-2011-04-01-0015",
        "In case the plan is carried",
        "warned",
        "named",
        "People for Achieving Peace and Reunification of south Korea",
    ),
    # 'The BCP on Feb. 12 posted ... an article titled "..." which said:': the document right before "which"
    # (no comma) speaks, and "BCP" is the name before it whose capitals spell it (no "(BCP)" in the text)
    ("kcna-ft-2011-02-26-0016", "Kim Jong Il provided a sure", "said", "named", "Brazilian Communist Party"),
    # "The May 20th issue of Nepali newspaper Arpan carried ... an article": the paper after its noun speaks
    ("kcna-ft-2011-05-30-0019", "the Juche idea raises", "said", "named", "Arpan"),
    # "The joint New Year editorial of Rodong Sinmun, Joson Inmingun and Chongnyon Jonwi says": a list of
    # three names cut at its comma is the whole list, and its first name speaks
    ("kcna-ft-2012-01-01-0028", "the industrial revolution", "says", "self", "Rodong Sinmun"),
    # "recibio un mensaje de condolencias que le dedicara el dia 19 Alpha Conde, presidente de ...": the
    # sender after "que le dedicara", not the receiving subject
    ("kcna-ft-2011-12-22-0089", "Recibi junto con el pueblo", "senala", "named", "Alpha Conde"),
    # "The work made public on April 20, 2012 says": a document and what was done with it speaks (no cut at
    # the date's comma); "the joint New Year editorial published by leading newspapers of the DPRK noted"
    ("kcna-ft-2012-09-25-0028", "the 100-year history of Juche", "says", "named", "Kim Jong Un"),
    # "Recently, traitor Lee Myung Bak ... pulled up the DPRK, asserting": the adverb opening the sentence is
    # no speaker, the name after its comma is
    ("kcna-ft-2012-10-13-0012", "north's provocation festered", "asserting", "named", "Lee Myung-bak"),
    # inside a spokesman's answer "...: A few days ago he ... said" is the one person named before it
    # ("invectives made by U.S. Special Representative for North Korea Policy Glyn Davis"), not the spokesman
    ("kcna-ft-2012-10-25-0001", "it would be a big blunder", "said", "named", "Glyn Davis"),
    ("kcna-ft-2011-10-22-0018", "the prescription of accusation", "claimed", "named", "Ra Kyong Won"),
    # an article whose issuer comes out as a nationality alone ("Korean") has no named issuer
    ("kcna-ft-2012-06-30-0020", "When this sparked off public", "noted", "anonymous", None),
    ("kcna-ft-2012-01-10-0017", "the sacred cause of the DPRK", "noted", "self", "KCNA"),
    # Spanish offices are person roles (general pack): "... el 24 de marzo Alberto Anaya Gutierrez,
    # coordinador (lider) del Comite ..."; "la presidenta S. Z. Umalatova ... Ella dijo"; an office after a
    # name and age is that person's ("Kim Mi Ran (48 anos de edad), jefa del citado colectivo, dijo")
    ("kcna-ft-2012-04-02-0030", "los participantes en el foro", "senala", "named", "Alberto Anaya Gutierrez"),
    ("kcna-ft-2011-12-21-0080", "no podia contener la tristeza", "dijo", "named", "S. Z. Umalatova"),
    ("kcna-ft-2012-10-15-0027", "su colectivo, compuesto por", "dijo", "named", "Kim Mi Ran"),
    (
        "kcna-ft-2011-12-21-0085",
        "Estimado camarada Kim Jong Un",
        "senala",
        "named",
        "Viktor Ivanovich Ishayev",
    ),
    # 'The Peruvian Group ... on Jan. 30 in an article headlined "..." said': the date goes with the phrase
    (
        "kcna-ft-2012-02-06-0010",
        "he will always live",
        "said",
        "named",
        "Peruvian Group for the Study of Kimilsungism",
    ),
    # "...: French Organization" over "The France-Korea Friendship Association posted": the body whose name
    # opens with the describer's country
    (
        "kcna-ft-2012-07-22-0022",
        "Kim Il Sung Praised by World",
        ":",
        "named",
        "France-Korea Friendship Association",
    ),
    # "The Nepal Journalist Association and the Nepal Journalist Association for the Study of ...": two
    # bodies, the first speaks; the second is no fuller form of the first
    (
        "kcna-ft-2011-12-27-0060",
        "the exploits of Kim Jong Il",
        "stressed",
        "named",
        "Nepal Journalist Association",
    ),
    # "British social bodies released a joint statement ... The organizations include the British Association
    # ..., the British Group ...": bodies speaking jointly, as the first of them (guidelines 2.2)
    (
        "kcna-ft-2012-09-14-0035",
        "the U.S. imperialists' hostile",
        "noted",
        "named",
        "British Association for the Study of Songun Policy",
    ),
    (
        "kcna-ft-2012-09-14-0035",
        "The U.S. has never stopped",
        "said",
        "named",
        "British Association for the Study of Songun Policy",
    ),
    # "Tunisian Ambassador to Iran Muhammad al-Hasayeri hoped ...": an Arabic article inside a name no pack
    # knows, so "He stressed" has someone to stand for
    ("kcna-ft-2012-03-10-0026", "posing threats and imposing", "stressed", "named", "Muhammad al-Hasayeri"),
    # "The Finland-Korea Society published ... its magazine. The magazine carried a photo ... the magazine
    # noted": what the document itself carries is no publication; the sentence before says who published it
    ("kcna-ft-2011-11-17-0024", "he visited the Siberian", "noted", "named", "Finland-Korea Society"),
    ("kcna-ft-2011-11-17-0024", "The signal progress", "went on to say", "named", "Finland-Korea Society"),
    # 'The Bangladeshi paper Blits ... carried special write-up ... An article titled "..." carried photos ...
    # the article said': the paper, not KCNA
    ("kcna-ft-2011-11-20-0009", "The President, always finding", "said", "named", "Blits"),
    # "The international secretary of the Central Committee of the French Revolutionary Communist League
    # published the following article": one holder per party, unnamed (guidelines 2.3; general pack
    # body_offices)
    ("kcna-ft-2012-04-25-0029", "President Kim Il Sung set forth", "published", "named", None),
    # "Newspapers of Bangladesh carried ... The March 14th issue of Blits allotted its six pages ... The paper
    # in an article ...": the periodical of the issue, not the plural group
    ("kcna-ft-2012-03-25-0019", "For the immortal exploits", "said", "named", "Blits"),
    # "The Bangladesh-Korea ... Committee, in its bulletin ..., said:" and its block, then "The Nepalese
    # Association for Supporting the Songun Politics, in its bulletin on August 17, said that ...": a new
    # source ends the block (the comma before "in its bulletin"), and the "it" after it is that association
    (
        "kcna-ft-2011-08-23-0022",
        "The Songun politics represents",
        "noted",
        "named",
        "Nepalese Association for Supporting the Songun Politics",
    ),
    # 'The Russian paper Patriot No. 6 ... the paper carried articles under various titles including the title
    # "Shining Star will throw its rays forever" ... the paper said': a paper's word inside a title in
    # quotation marks names no paper
    ("kcna-ft-2012-02-25-0025", "the august name of Kim Jong Il", "said", "named", "Patriot"),
    # "The North, South and Overseas Side Committees for Implementing the June 15 Joint Declaration Thursday
    # released an appeal ... the appeal said ... it noted": the first of the bodies sharing a head noun,
    # though no mention covers their names (guidelines 2.2)
    (
        "kcna-ft-2012-10-04-0017",
        "The adoption of the declaration",
        "noted",
        "named",
        "North Side Committee for Implementing the June 15 Joint Declaration",
    ),
    # "The Nigerian newspaper Nigerian Observer on Oct. 12 said": a paper's word alone is no name, the
    # nationality before it is part of it
    ("kcna-ft-2011-10-22-0023", "Songun is the invariable banner", "said", "named", "Nigerian Observer"),
    # "Jaju Minbo of south Korea released a statement ... it noted": "Minbo" is a paper's word, so the place
    # after it is where the paper is, no part of its name (guidelines 6)
    ("kcna-ft-2012-05-23-0027", "This can be proved by the arrest", "noted", "named", "Jaju Minbo"),
    # "Pyongyangites ..., saying": the people of a place speak anonymously (guidelines 2.3)
    ("kcna-ft-2011-12-29-0026", "the history of loving care shown by Kim", "saying", "anonymous", None),
    # "the southwestern front command of the Korean People's Army made a press release in which it announced
    # it would ...": a unit of a named body, in lower case, named as written
    (
        "kcna-ft-2012-09-12-0024",
        "it would turn the West Sea",
        "announced",
        "named",
        "southwestern front command of the Korean People's Army",
    ),
    # "The south Korean newspaper Kyunghyang Daily News in August 10 editorial decried ... the editorial
    # said ... it noted": a date between "in" and the document introduces it (not the agency's own editorial)
    ("kcna-ft-2011-08-14-0006", "Never acceptable is", "said", "named", "Kyunghyang Daily News"),
    ("kcna-ft-2011-08-14-0006", "The use of name", "noted", "named", "Kyunghyang Daily News"),
    # "Rodong Sinmun Thursday editorially calls upon ... the editorial says": the paper's own editorial
    ("kcna-ft-2012-05-17-0022", "Our victory is guaranteed", "goes on", "self", "Rodong Sinmun"),
    # "ATV station of Egypt noted", "Apsara Television and Radio of Cambodia said": a medium named, then its
    # kind in lower case; one broadcaster of television and radio (its place dropped, guidelines 6)
    ("kcna-ft-2011-09-04-0005", "Today this has become", "added", "named", "ATV"),
    # "In a talk with Han Kwang Bok, ..., at the Diaoyutai State Guesthouse in Beijing, Zhang said": the
    # opening phrase ends at its last comma, the name after it speaks (as named in full before)
    ("kcna-ft-2011-12-16-0005", "China and the DPRK are friendly", "said", "named", "Zhang Dejiang"),
    # "He, member of the Political Bureau of the C.C., Communist Party of China, said": the pronoun and its
    # appositive ("He" is no opening adverb, though the news writes "he" in lower case)
    ("kcna-ft-2011-12-16-0005", "several visits to China", "said", "named", "Zhang Dejiang"),
    # "according to an official data by the German economy ministry": a state's body described in lower case
    (
        "kcna-ft-2012-02-05-0020",
        "German unemployment reached",
        "according to",
        "named",
        "German economy ministry",
    ),
    # "Not content with this, he flew to a Nordic country where he again trumpeted ..., claiming that": an
    # opening phrase in lower case, then the pronoun that speaks
    ("kcna-ft-2012-09-17-0019", "if the north abandons its nukes", "claiming", "named", "Lee Myung-bak"),
    # "recibio una carta que en representacion de los participantes en el XV simposio ..., le dirigiera el dia
    # 19 Alberto Anaya Gutierrez, ... La misiva senala": the sender, after whom he wrote for
    ("kcna-ft-2011-03-28-0024", "el Dirigente ha practicado", "senala", "named", "Alberto Anaya Gutierrez"),
    # "The Pakistani army in a statement on Tuesday lodged protest ... the statement said": a state's body
    # described by its nationality in lower case issued it
    ("kcna-ft-2011-05-23-0015", "Two NATO helicopters", "said", "named", "Pakistani army"),
    # "El Secretariado del Comite por la Reunificacion Pacifica de la Patria (CRPP) hizo publica ... La nota":
    # the secretariat, a body of its own in the DPRK pack, not the committee
    (
        "kcna-ft-2011-10-14-0036",
        "Recientemente, el Ministerio",
        "va como sigue",
        "named",
        "Secretariat of the Committee for the Peaceful Reunification of Korea",
    ),
    ("kcna-ft-2011-09-04-0005", "This is a manifestation", "added", "named", "Apsara Television and Radio"),
]


def test_an_appositive_left_open_before_the_cue():
    from tealeaves.extract.quotes import _subject_before

    # "Pak Tok Gwan (56 anos de edad), presidente de la junta ... de Ryongchon dijo que": no comma closes the
    # appositive, the name opening the sentence speaks; "On Friday, the Israeli Haaretz Daily reported" is no
    # such case
    t = "T\n\nPak Tok Gwan (56 anos de edad), presidente de la junta de la granja de Ryongchon dijo que es."
    a, b = _subject_before(t, 3, t.find(" dijo"), Pipeline().kb)
    assert t[a:b] == "Pak Tok Gwan"
    t = "T\n\nOn Friday, the Israeli Haaretz Daily reported that the talks went on."
    a, b = _subject_before(t, 3, t.find(" reported"), Pipeline().kb)
    assert t[a:b] == "Israeli Haaretz Daily"


@pytest.mark.parametrize("doc_id, quote_start, cue, kind, name", CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_speaker(quotes_of, doc_id, quote_start, cue, kind, name):
    got = [(c, k, n) for text, c, k, n in quotes_of(doc_id) if text.startswith(quote_start)]
    assert got == [(cue, kind, name)]


def test_according_to_a_plan_is_no_source(quotes_of):
    # "according to the Party's military and strategic plan": a standard followed, not a speaker
    assert quotes_of("rodong-2022-06-23-0007") == []


def test_a_title_then_an_organisation_then_a_korean_name_is_a_person():
    doc = Document.create(
        "KCNA",
        "2010-11-25",
        "Reaction",
        "Minister of Metal Industry Jon Sung Hun said the answer was ready. General Director of the "
        "Associated Fruit Group Kim Chol Ho said so too.",
    )
    people = [m.text for m in Pipeline()(doc)["mention"] if m.label == "PERSON"]
    assert people == ["Jon Sung Hun", "Kim Chol Ho"]


def test_an_unknown_organisation_name_goes_on_after_of_for_with():
    doc = Document.create(
        "KCNA",
        "2011-12-18",
        "Statement",
        "The South Headquarters of the Pan-National Alliance for Korea's Reunification issued a statement. "
        "The Brazilian Committee for Solidarity with the DPRK sent a letter. The General Association of "
        "Koreans in China sent a letter too.",
    )
    orgs = [m.text for m in Pipeline()(doc)["mention"] if m.label == "ORG"]
    assert "South Headquarters of the Pan-National Alliance for Korea's Reunification" in orgs
    assert "Brazilian Committee for Solidarity with the DPRK" in orgs
    assert "General Association of Koreans in China" in orgs


def test_a_demonym_the_stem_rule_misses_comes_from_the_pack_table():
    # "the Thai government" / "British authorities": the general pack's [names.demonyms] table
    doc = Document.create(
        "KCNA",
        "2012-05-01",
        "Reaction",
        "The Thai government said the talks would go on. British authorities said the ship had left.",
    )
    got = [(q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]]
    assert ("named", "Government of Thailand") in got
    assert ("named", "United Kingdom") in got


def test_a_name_joined_by_a_hyphen_to_an_organisation_is_one_name():
    doc = Document.create(
        "KCNA",
        "2011-06-13",
        "Article",
        "The Communist Workers' Party of Russia-Revolutionary Communist Party posted an article. "
        "The DPRK-China friendship was praised.",
    )
    mentions = [(m.text, m.label) for m in Pipeline()(doc)["mention"]]
    assert ("Communist Workers' Party of Russia-Revolutionary Communist Party", "ORG") in mentions
    assert ("China", "PLACE") in mentions  # (two places joined by a hyphen stay two)


def test_a_weekday_alone_is_no_name():
    doc = Document.create(
        "KCNA",
        "2011-07-18",
        "Review",
        "The regime is unpopular, says the Rodong Sinmun newspaper Monday. It goes on.",
    )
    assert all(m.text.rstrip(".") != "Monday" for m in Pipeline()(doc)["mention"])


def test_a_medium_and_its_country_are_two_names():
    # a medium's country after it is no part of its name (guidelines 6): no "ITAR-TASS of Russia" mention
    doc = Document.create(
        "KCNA",
        "2012-01-01",
        "Review",
        "ITAR-TASS of Russia reported the talks. Rodong Sinmun of the DPRK Monday carried an article. "
        "The Central Committee of the Bangladesh Communist Party said so.",
    )
    mentions = [(m.text, m.entity) for m in Pipeline()(doc)["mention"]]
    assert ("ITAR-TASS", "itar-tass") in mentions
    assert ("Rodong Sinmun", "rodong-sinmun") in mentions
    assert ("Central Committee of the Bangladesh Communist Party", None) in mentions  # (not a medium)


def test_a_topic_label_before_a_colon_is_no_speaker():
    # "Larijani: ..." opens with its speaker; "DPRK: ...", a country's name, and "Korean Revolution Is
    # Invincible: ...", a sentence, speak for no one
    body = "The speech was made on Tuesday at the parliament in Tehran before the deputies."

    def speakers(title):
        doc = Document.create("KCNA", "2012-01-01", title, body, lang="en")
        return [q.speaker_text for q in Pipeline()(doc)["quote"]]

    assert speakers("Larijani: Regional Countries Should Boost Cooperation") == ["Larijani"]
    assert speakers("DPRK: Nuclear Deterrent Will Be Bolstered Further") == []
    assert speakers("Korean Revolution Is Invincible: the people advance under the banner of Songun") == []


def test_a_subject_with_two_verbs_is_the_subject_alone(quotes_of):
    # "Listening to the official, the General Secretary expressed his great satisfaction and said ...": the
    # speaker span is the subject, not the subject with its first verb
    spans = {t[:30]: n for t, c, k, n in quotes_of("kcnakp-a990264dc2f8891f")}
    assert spans.get("it is truly successful moderni") == "Kim Jong Un"
    doc = Document.create(
        "KCNA",
        "2024-01-10",
        "Visit",
        "Listening to the official, the General Secretary expressed his great satisfaction and said it is "
        "truly successful modernization.",
        lang="en",
    )
    assert [q.speaker_text for q in Pipeline()(doc)["quote"]] == ["General Secretary"]


def test_a_role_after_a_clause_is_no_apposition():
    # "in the Gaza Strip, the Chinese permanent representative ... said": the comma ends a clause, so the
    # place before it is no person; "Earlier, chairman of ...": a sentence adverb is no one-word name
    doc = Document.create(
        "KCNA",
        "2011-04-25",
        "Concern",
        "China is deeply concerned about the situation in the Gaza Strip, the Chinese permanent "
        "representative said at a meeting on April 21. Earlier, chairman of the committee Kim Chol said the "
        "talks failed.",
        lang="en",
    )
    people = [m.text for m in Pipeline()(doc)["mention"] if m.label == "PERSON"]
    assert "Gaza Strip" not in people and "Earlier" not in people


def test_plurals_joined_inside_a_name_are_one_name():
    # "Joint Conference of Political Parties and Civic and Social Organizations": the "and" joins two plurals
    # inside what the body is "of"; "Textile Mill and Foreign Ministry" are two names
    from tealeaves.extract import entities

    kb = Pipeline().kb
    one = "The Joint Conference of Political Parties and Civic and Social Organizations said"
    assert entities._split_and(one, 4, len(one) - 5, kb) == [(4, len(one) - 5)]
    two = "The Textile Mill and Foreign Ministry said"
    assert len(entities._split_and(two, 4, len(two) - 5, kb)) == 2


def test_a_state_before_a_finite_verb_speaks_through_a_participle():
    # "The U.S. is intensifying its anti-Iran campaign, asserting that ...": the state is the subject; but in
    # "A U.S. military official said that ..., adding ..." the place only describes the official
    def speakers(body):
        doc = Document.create("KCNA", "2011-10-25", "Case", body, lang="en")
        return [(q.cue, q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]]

    assert speakers("The U.S. is intensifying its campaign, asserting that Iran was behind the plot.") == [
        ("asserting", "named", "United States")
    ]
    got = speakers(
        "A U.S. military official said that the plane based in south Korea plays the role of eye and ear, "
        "adding the plane is closely monitoring the moves of the north army."
    )
    assert [k for _, k, _ in got] == ["anonymous", "anonymous"]


def test_former_office_holders_and_a_medium_after_a_name():
    def speakers(title, body=""):
        doc = Document.create("KCNA", "2012-09-08", title, body, lang="en")
        return [(q.cue, q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]]

    # "...: Ex-Chinese Ambassador to DPRK": many have held the office, no one is named
    assert speakers("Korean People Make Change: Ex-Chinese Ambassador to DPRK") == [(":", "anonymous", None)]
    # "..., the party of President Kim Il Sung, Rodong Sinmun says, and goes on:": the paper, not the name
    # before its comma, goes on
    got = speakers(
        "Conference Praised",
        "The Conference laid a solid foundation for preserving forever the revolutionary character of the "
        "WPK as the party of President Kim Il Sung, Rodong Sinmun says, and goes on:, , The Conference held "
        "the President in high esteem.",
    )
    assert [n for _, _, n in got] == ["Rodong Sinmun", "Rodong Sinmun"]


def test_a_cue_and_a_colon_open_the_words_on_the_same_line():
    # "Rodong Sinmun Tuesday observes in a bylined commentary in this regard: These are shameless remarks
    # ...": the block starts after the colon, not on a line of its own, and runs to the paragraph's end
    doc = Document.create(
        "KCNA",
        "2012-02-28",
        "Remarks",
        "The plan is dangerous.,  Rodong Sinmun Tuesday observes in a bylined commentary in this regard: "
        "These are shameless remarks to shift the blame. They will fail., ,  The DPRK will not tolerate it.",
        lang="en",
    )
    got = [(q.text, q.direct, q.speaker_name) for q in Pipeline()(doc)["quote"]]
    assert got == [("These are shameless remarks to shift the blame. They will fail", True, "Rodong Sinmun")]


def test_described_only_and_titles_only():
    from tealeaves.extract.quotes import _described_only, _titles_only

    kb = Pipeline().kb
    text = "the radio said; foreign reports and american masters were seen by the press agency"
    assert _described_only(["Radio"], text, kb)
    assert _described_only(["Russian", "Radio"], text, kb)
    assert not _described_only(["Chinese", "News"], text, kb)  # a medium's name
    assert not _described_only(["Guinean", "Agency", "of", "Press"], text, kb)  # "X of Y" is a name
    assert not _described_only(["Tribuna", "Popular"], text, kb)
    assert _titles_only(["Prof."], kb) and _titles_only(["Vice", "President"], kb)
    assert not _titles_only(["Prof.", "Smith"], kb)


def test_a_subordinate_clause_reports_up_to_its_comma():
    doc = Document.create(
        "KCNA",
        "2012-01-01",
        "Title",
        "The Chairman looked around the farm. When an official said that it was the Sinhung Fish Farm, "
        "Kim Jong Il asked why he was not told about the fish farm, saying that he visited it on several "
        "occasions.",
        lang="en",
    )
    got = [(q.text, q.cue, q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]]
    assert got == [
        ("it was the Sinhung Fish Farm", "said", "anonymous", None),
        ("why he was not told about the fish farm", "asked", "named", "Kim Jong Il"),
        ("he visited it on several occasions", "saying", "named", "Kim Jong Il"),
    ]


def test_a_one_word_name_before_in_charge_of_or_member_of():
    # "Matsubara, Japanese minister in charge of ...", "Sakamoto, member of the House of Representatives of
    # Japan, ...": a one-word name and its office are a person, whom the "he" after stands for
    for body in (
        "Matsubara, Japanese minister in charge of the abduction issue, spoke ill of the agreement. "
        "As far as the aid is concerned, he said it is a problem.",
        "Sakamoto, member of the House of Representatives of Japan, let loose remarks. "
        "At the committee on November 28, he said that the match was a problem.",
    ):
        doc = Document.create("KCNA", "2012-03-01", "Commentary", body, lang="en")
        facts = Pipeline()(doc)
        name = body.split(",")[0]
        assert any(m.label == "PERSON" and m.text == name for m in facts["mention"])
        assert [q.speaker_name for q in facts["quote"]] == [name]


def test_a_partys_tendency_in_brackets_is_part_of_its_name():
    doc = Document.create(
        "KCNA",
        "2011-12-27",
        "Statements Issued",
        "The Central Committee of the Unified Communist Party of Nepal (Maoist) in a statement on December "
        "21 noted that Kim Jong Il was a prominent leader. The NDC (DPRK) met.",
        lang="en",
    )
    facts = Pipeline()(doc)
    orgs = [m.text for m in facts["mention"] if m.label == "ORG"]
    assert "Central Committee of the Unified Communist Party of Nepal (Maoist)" in orgs
    assert [q.speaker_name for q in facts["quote"]] == [
        "Central Committee of the Unified Communist Party of Nepal (Maoist)"
    ]


def test_a_time_ago_opens_the_sentence_before_its_pronoun():
    from tealeaves.extract.quotes import _subject_before

    t = "Title\n\nA few days ago he, touring areas around the DPRK, said that it would be a big blunder."
    start, end = _subject_before(t, 7, t.find(" said"), Pipeline().kb)
    assert t[start:end] == "he"


def test_a_spanish_opening_phrase_then_its_subject():
    from tealeaves.extract.quotes import _subject_before

    # "En la audiencia el secretario general dijo que": the phrase, then the subject (not a clause with no
    # subject, as "En el comedor dijo que")
    for t, want in (
        (
            "T\n\nEn la audiencia el secretario general dijo que el Presidente hizo mucho.",
            "secretario general",
        ),
        ("T\n\nEn la ocasion el visitante dijo que las relaciones son buenas.", "visitante"),
    ):
        a, b = _subject_before(t, 3, t.find(" dijo"), Pipeline().kb)
        assert t[a:b] == want
    doc = Document.create(
        "KCNA", "2011-07-05", "T", "En la ocasion el visitante dijo que las relaciones son buenas."
    )
    assert [q.speaker_text for q in Pipeline()(doc)["quote"]] == ["visitante"]


def test_a_middle_initial_makes_a_personal_name():
    # "Russian Ambassador to the DPRK Valery E. Sukhinin hosted a reception ... The ambassador said": a name
    # with a middle initial is a person even with no role after it; "S. Korean" is no such name
    doc = Document.create(
        "KCNA",
        "2011-08-25",
        "Anniversary Marked at Russian Embassy",
        "Russian Ambassador to the DPRK Valery E. Sukhinin hosted a reception at the embassy Thursday., ,  "
        "The ambassador said in his speech that the relations have a long history.",
        lang="en",
    )
    facts = Pipeline()(doc)
    assert ("Valery E. Sukhinin", "PERSON") in [(m.text, m.label) for m in facts["mention"]]
    assert [q.speaker_name for q in facts["quote"]] == ["Valery E. Sukhinin"]
    other = Document.create("KCNA", "2011-08-25", "T", "The U.S. and Japan Urge S. Korean puppets to act.")
    assert all(m.label != "PERSON" for m in Pipeline()(other)["mention"])


def test_arabic_name_particles_and_more_korean_surnames():
    # "Omar Hassan Ahmed al-Bashir": the particle and the word after it are the name's; "Ra Kyong Won": a
    # surname of the dprk pack
    for body, name in (
        ("Sudanese President Omar Hassan Ahmed al-Bashir sent a message.", "Omar Hassan Ahmed al-Bashir"),
        ("Ra Kyong Won, a lawmaker from the party, declared his candidacy.", "Ra Kyong Won"),
    ):
        doc = Document.create("KCNA", "2011-08-25", "Title", body, lang="en")
        assert (name, "PERSON") in [(m.text, m.label) for m in Pipeline()(doc)["mention"]]


def test_a_five_word_name_after_a_title():
    doc = Document.create(
        "KCNA",
        "2011-08-25",
        "T",
        "Pakistani Prime Minister Makdum Syed Yousuf Raja Gilani said that it was good.",
    )
    facts = Pipeline()(doc)
    assert ("Makdum Syed Yousuf Raja Gilani", "PERSON") in [(m.text, m.label) for m in facts["mention"]]


def test_a_name_without_a_head_word_acting_as_the_subject_is_a_body():
    # a capitalised run with "of"/"for"/"and" opening the sentence, then a time and a verb of what bodies do;
    # not a title with a person, not "Members of ...", not an event
    doc = Document.create(
        "KCNA",
        "2011-04-01",
        "T",
        "The People for Achieving Peace and Reunification of south Korea on March 28 accused the U.S. "
        "Members of the Democratic Labor Party of south Korea on Monday staged a rally. "
        "The Day of the Sun on April 15 was celebrated. The Federal Leadership of the Left Bloc of the "
        "Austrian Trade Union Federation in a statement on Jan. 4 expressed its support.",
        lang="en",
    )
    orgs = [m.text for m in Pipeline()(doc)["mention"] if m.label == "ORG"]
    assert "Federal Leadership of the Left Bloc of the Austrian Trade Union Federation" in orgs
    assert orgs[0] == "People for Achieving Peace and Reunification of south Korea"
    assert not any(o.startswith(("Members", "Day")) for o in orgs)


def test_korean_names_with_a_middle_syllable_that_is_a_stopword_and_a_final_a():
    # "Su" is a Spanish stopword but a Korean middle syllable between two others; "A" ends a name only
    # before a comma; "Ye" is a Korean surname (dprk pack)
    for body, name in (
        ("Ri Su Hyang, instructor of the school, said so.", "Ri Su Hyang"),
        ("Jong Su Rim, a youth league member of the farm, said so.", "Jong Su Rim"),
        ("Ju Jin A, an official of the Central Committee, said so.", "Ju Jin A"),
        ("Ye Myong Ryong, an in-patient at the hospital, said so.", "Ye Myong Ryong"),
    ):
        doc = Document.create("KCNA", "2012-01-02", "Title", body, lang="en")
        assert (name, "PERSON") in [(m.text, m.label) for m in Pipeline()(doc)["mention"]], body
    doc = Document.create("KCNA", "2012-01-02", "Title", "Kim Jong Un A visited the farm.", lang="en")
    assert ("Kim Jong Un A", "PERSON") not in [(m.text, m.label) for m in Pipeline()(doc)["mention"]]


def test_a_paper_named_after_its_noun_with_an_article_or_and():
    # "the Uruguayan paper La Juventud", "newspaper The Nation", "the Indian paper Defence and Humanity" are
    # whole names; two known papers joined by "and" stay two
    for body, name in (
        ("The Uruguayan paper La Juventud on June 2 carried an article.", "La Juventud"),
        ("A Pakistani newspaper The Nation on Wednesday in its editorial said so.", "The Nation"),
        (
            "The Indian paper Defence and Humanity on June 18 said that he performed feats.",
            "Defence and Humanity",
        ),
    ):
        doc = Document.create("KCNA", "2012-01-02", "Title", body, lang="en")
        assert (name, "ORG") in [(m.text, m.label) for m in Pipeline()(doc)["mention"]], body
    doc = Document.create(
        "KCNA", "2012-01-02", "T", "The paper Rodong Sinmun and Minju Joson said so.", lang="en"
    )
    orgs = [m.text for m in Pipeline()(doc)["mention"] if m.label == "ORG"]
    assert orgs == ["Rodong Sinmun", "Minju Joson"]


def test_a_name_after_a_title_whose_body_ends_in_a_common_word():
    # "Minister of Foreign Affairs Nasser Judeh": "Affairs" is a word the news writes in lower case (the
    # general pack's common_words.txt), so it ends the body; "and" does not ("... Industry and Commerce Vu Huy
    # Hoang" keeps the name whole)
    for body, name in (
        (
            "Jordanian Minister of Foreign Affairs Nasser Judeh said at a meeting that it is good.",
            "Nasser Judeh",
        ),
        (
            "Minister for Women Empowerment and Children Protection Linda Agum Gumelar said so.",
            "Linda Agum Gumelar",
        ),
        ("Minister of Industry and Commerce Vu Huy Hoang, and others were there.", "Vu Huy Hoang"),
    ):
        doc = Document.create("KCNA", "2012-01-02", "Title", body, lang="en")
        assert (name, "PERSON") in [(m.text, m.label) for m in Pipeline()(doc)["mention"]], body


def test_the_common_words_list_is_pack_data():
    from tealeaves.extract import Pipeline as P

    words = P().kb.common_words
    assert {"affairs", "foreign", "media"} <= words
    assert not {"nasser", "kim", "pyongyang"} & words


def test_long_names_after_a_title_and_a_final_a_before_a_bracket():
    # a person's name after a title runs past five words while its words are particles or no common words;
    # "Ju Jin A (de 24 anos de edad)": "A" ends the name before a bracket too
    for body, name in (
        (
            "Prime Minister Sheikh Mohammed Bin Rashid Al Maktoum rejected the fiction.",
            "Sheikh Mohammed Bin Rashid Al Maktoum",
        ),
        ("La funcionaria de la Union, Ju Jin A (de 24 anos de edad), dijo a la ACNC como sigue:", "Ju Jin A"),
    ):
        doc = Document.create("KCNA", "2011-12-09", "Title", body, lang="en")
        assert (name, "PERSON") in [(m.text, m.label) for m in Pipeline()(doc)["mention"]], body


def test_a_name_of_uncommon_words_before_an_appositive_or_a_verb_is_a_person():
    # no word of "Yusuf Raza Gilani" is one the news writes in lower case (common_words.txt); a verb or an
    # appositive follows. Not after "the", not a medium's appositive, not a prefecture
    def people(body):
        doc = Document.create("KCNA", "2012-01-02", "Title", body, lang="en")
        return [m.text for m in Pipeline()(doc)["mention"] if m.label == "PERSON"]

    assert people("Yusuf Raza Gilani stressed that the United States can not do it.") == ["Yusuf Raza Gilani"]
    assert people("Pascal Zouncheme, rector of the Cotonou Institute, said so.") == ["Pascal Zouncheme"]
    assert people("Ilal Amam, the organ of the party, said so.") == []
    assert people("Shizuoka Prefecture, as required, announced it.") == []


def test_a_word_ending_in_i_is_a_demonym_only_before_its_country():
    # "Pakistani" (Pakistan), not "Mainichi": the Japanese paper keeps its name, and "the paper" is it
    doc = Document.create(
        "KCNA",
        "2012-01-06",
        "Preparations Disclosed by Japanese Paper",
        "The Japanese Mainichi Shimbun disclosed the fact that the U.S. has stepped up the preparations., "
        "The paper reported on Jan. 5 that the U.S. navy designated 6 civilian ports.",
        lang="en",
    )
    facts = Pipeline()(doc)
    assert [q.speaker_name for q in facts["quote"] if q.speaker_text == "paper"] == ["Mainichi Shimbun"]
    other = Document.create("KCNA", "2012-01-06", "T", "The Pakistani Army Command said so.", lang="en")
    assert "Pakistani Army Command" not in [m.text for m in Pipeline()(other)["mention"]]


def test_name_forms_of_speakers():
    # "C.C., Brazilian Communist Party (...)" is written out as the Central Committee of the party; a paper's
    # name may hold "and" and two words ("Indian and World Event"); "...: Korean Media Man in U.S." describes
    def speakers(title, body):
        doc = Document.create("KCNA", "2012-01-06", title, body, lang="en")
        return [(q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]]

    got = speakers(
        "Kim Jong Il Remembered",
        "The C.C., Brazilian Communist Party (Marxist-Leninist) said in its statement that Kim Jong Il would "
        "always be with the Korean people.",
    )
    assert got == [("named", "Central Committee of the Brazilian Communist Party (Marxist-Leninist)")]
    got = speakers(
        "Indian Paper on Anti-Japanese Struggle",
        "The Feb. 14th issue of the Indian paper Indian and World Event carried articles., The paper said "
        "that the struggle was a legendary one.",
    )
    assert got == [("named", "Indian and World Event")]
    got = speakers(
        "Launch Means Failure of U.S. Strategy: Korean Media Man in U.S.",
        "A Korean in the U.S. wrote an article about the launch.",
    )
    assert got[0][0] == "anonymous"


def test_a_company_keeps_the_full_stop_of_its_abbreviation():
    doc = Document.create(
        "KCNA", "2012-02-03", "T", "Panasonic Corp. said that it fell into the red.", lang="en"
    )
    assert [q.speaker_name for q in Pipeline()(doc)["quote"]] == ["Panasonic Corp."]


def test_a_name_after_a_former_title_and_its_body():
    # "Ex-president of the U.S. Jimmy Carter, when meeting ..., admired ... He said": the person
    doc = Document.create(
        "KCNA",
        "2012-04-10",
        "T",
        "Ex-president of the U.S. Jimmy Carter, when meeting with Kim Il Sung in Pyongyang, admired his "
        "personality., He said that President Kim Il Sung was greater than George Washington.",
        lang="en",
    )
    facts = Pipeline()(doc)
    assert ("Jimmy Carter", "PERSON") in [(m.text, m.label) for m in facts["mention"]]
    assert [q.speaker_name for q in facts["quote"]] == ["Jimmy Carter"]


def test_literal_gates_of_definition_triggers():
    # the strings one of which every hit of a trigger holds: a cheap test before the regex search
    from tealeaves.extract.kb import literal_gate

    assert literal_gate("(?:known|referred to|dubbed|called|hailed) as ") == (
        "called",
        "dubbed",
        "hailed",
        "known",
        "referred to",
    )
    assert literal_gate("meaning|literally|lit\\.|i\\.e\\.") == ("i.e.", "lit.", "literally", "meaning")
    assert literal_gate("refer") == ("refer",)
    assert literal_gate("\\(") is None  # (one character: no gain)
    assert literal_gate("[a-z]+ly") == ("ly",)
    assert literal_gate("[a-z]+") is None
    for pattern, text in (
        ("(?:known|called) as ", "He was Known As the leader"),
        ("(?:is|was) (?:a|an|the) (?:term|word)", "It Was A Word"),
    ):
        gate = literal_gate(pattern)
        assert re.search(pattern, text, re.IGNORECASE) and any(g in text.lower() for g in gate)


def test_a_paper_named_in_an_appositive_without_article_or_in_quotation_marks():
    # "Jaju Minbo, south Korean internet paper, ... The paper ... said", 'The Russian Internet magazine "Liv
    # Zurnal" posted an article ... the article said': the paper speaks, not KCNA ("X, editor of the paper"
    # is no paper)
    def speakers(body):
        doc = Document.create("KCNA", "2012-03-20", "Praised by Foreign Media", body, lang="en")
        return [q.speaker_name for q in Pipeline()(doc)["quote"]]

    assert speakers(
        "Jaju Minbo, south Korean internet paper, on March 16 introduced the performance., The paper in an "
        'article titled "Orchestra deeply impresses France" said the audience highly praised the performance.'
    ) == ["Jaju Minbo"]
    assert speakers(
        'The Russian Internet magazine "Liv Zurnal" posted an article on Dec. 31., The army and people of '
        "the DPRK hailed his assumption of the supreme commandership, the article said."
    ) == ["Liv Zurnal"]
    doc = Document.create("KCNA", "2012-03-20", "T", "Baranikova, editor of the paper, said so.", lang="en")
    assert ("Baranikova", "ORG") not in [(m.text, m.label) for m in Pipeline()(doc)["mention"]]


def test_demonyms_of_the_pack_table_and_quantities_before_a_name():
    # "The Zimbabwean government" (general pack demonym table); "More than 270 civic and social
    # organizations ... issued a declaration": a quantity, no issuer's name
    def speakers(body):
        doc = Document.create("KCNA", "2012-02-23", "T", body, lang="en")
        return [(q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]]

    assert speakers("The Zimbabwean government said that it supports the DPRK.") == [
        ("named", "Government of Zimbabwe")
    ]
    got = speakers(
        "More than 270 civic and social organizations including the Korean Confederation of Trade Unions "
        "issued a declaration on April 5., The declaration said that the regime must go."
    )
    assert ("named", "More") not in got


def test_a_pack_alias_after_a_longer_local_name_is_its_short_form():
    doc = Document.create(
        "KCNA",
        "2011-12-27",
        "Foreign Organization Mourns",
        "The Youth League of the African National Congress of South Africa issued a statement on Dec. 22., "
        "The Youth League in its statement said that the DPRK turned into a political power.",
        lang="en",
    )
    got = [(q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]]
    assert got == [("named", "Youth League of the African National Congress of South Africa")]


def test_a_medium_after_a_nationality_and_a_date_with_its_year():
    # "The Pakistani paper Baluchistan Times on April 15 carried an article ..., saying": the paper, not the
    # nationality; "the International Herald Tribune on September 15, 2011 said": the date with its year goes
    def speakers(body):
        doc = Document.create("KCNA", "2012-05-08", "T", body, lang="en")
        return [q.speaker_name for q in Pipeline()(doc)["quote"]]

    assert speakers(
        'It noted., , The Pakistani paper Baluchistan Times on April 15 carried an article titled "Kim Il '
        'Sung Whom Billy Graham Met", saying that many foreign personages were deeply admired by him.'
    ) == ["Baluchistan Times"]
    assert speakers(
        "The International Herald Tribune on September 15, 2011 said that the economy was in a bad shape."
    ) == ["International Herald Tribune"]


def test_a_state_organs_generic_name_given_for_another_state_is_that_states():
    # "Venezuela's Foreign Ministry ... The Foreign Ministry said", "The Ministry of Foreign Affairs of
    # Kazakhstan ... the Foreign Ministry said": not the DPRK's ministry (the pack's "Foreign Ministry")
    def run(body):
        doc = Document.create("KCNA", "2011-07-04", "T", body, lang="en")
        facts = Pipeline()(doc)
        orgs = [(m.text, m.entity) for m in facts["mention"] if m.label == "ORG"]
        return orgs, [(q.speaker_kind, q.speaker_entity, q.speaker_name) for q in facts["quote"]]

    orgs, quotes = run(
        "Venezuela's Foreign Ministry said this in a statement Tuesday., ,  The Foreign Ministry said "
        "the government repudiates the hypocritical attitude of the United States."
    )
    assert orgs[0] == ("Venezuela's Foreign Ministry", None)
    assert quotes[-1] == ("named", None, "Venezuela's Foreign Ministry")
    orgs, quotes = run(
        "The Ministry of Foreign Affairs of Kazakhstan recently criticized the U.S., ,  Asking what "
        "standards the U.S. is based on, the Foreign Ministry said Kazakhstan has greatly contributed to it."
    )
    assert quotes == [("named", None, "Ministry of Foreign Affairs of Kazakhstan")]
    # the pack's own state named with it stays the pack's body; a medium is a medium of any country
    orgs, quotes = run(
        "The Russian Foreign Ministry sent an envoy. He met officials of the DPRK Foreign Ministry. "
        "South Korea's Yonhap News said the talks went on."
    )
    assert ("DPRK Foreign Ministry", "mofa") in orgs
    assert quotes == [("named", "yonhap", "Yonhap")]
    orgs, quotes = run("The Foreign Ministry said the U.S. is to blame for the tension.")
    assert quotes == [("named", "mofa", "DPRK Ministry of Foreign Affairs")]


def test_a_headline_office_abbreviation_is_the_person_the_story_names_with_the_title_in_full():
    # "...: Malaysian PM", "...: FM": the person the story gives the title in full (general pack
    # title_abbreviations); no such person, the office as written
    def speaker(title, body):
        doc = Document.create("KCNA", "2012-02-23", title, body, lang="en")
        return [q.speaker_name for q in Pipeline()(doc)["quote"] if q.start < len(title)]

    body = " on Monday said the EU's recent move was a ploy aimed at sowing seeds of division."
    assert speaker("EU Sows Discord: Malaysian PM", "Malaysian Prime Minister Najib Razak" + body) == [
        "Najib Razak"
    ]
    assert speaker("EU Sows Discord: FM", "Foreign Affairs Minister Simbarashe Mumbengegwi" + body) == [
        "Simbarashe Mumbengegwi"
    ]
    assert speaker("EU Sows Discord: FM", "The government" + body) == ["FM"]


def test_a_cue_verb_after_a_name_and_comma_is_no_appositive():
    # "... President Kim Il Sung, said Prime Minister of Cambodia Hun Sen": "said" opens the next speaker's
    # words, so the prime minister is not Kim Il Sung
    doc = Document.create(
        "KCNA",
        "2011-12-03",
        "Cambodia Will Commemorate Centenary of Kim Il Sung's Birth: PM",
        "The Cambodian people will join the Korean people in commemorating the centenary of birth of "
        "President Kim Il Sung, said Prime Minister of Cambodia Hun Sen on Nov. 28.",
        lang="en",
    )
    names = [q.speaker_name for q in Pipeline()(doc)["quote"]]
    assert "Kim Il Sung" not in names


def test_she_never_stands_for_a_man_the_packs_know():
    # "Kim Il Sung called on her mother ... she scolded her son": people.tsv's gender column; "she" takes the
    # last person named before who may be a woman
    def speakers(body):
        doc = Document.create("KCNA", "2012-07-31", "Mother", body, lang="en")
        return [(q.speaker_entity, q.speaker_name) for q in Pipeline()(doc)["quote"]]

    got = speakers(
        "Kang Pan Sok was a revolutionary. Kim Il Sung called on her with a sack of cereal., ,  At that time "
        "she said that she never thought he would carry a sack of cereal to support her."
    )
    assert got == [("kang-pan-sok", "Kang Pan Sok")]
    got = speakers(
        "Ri Sun Ae, 90, thanked Kim Jong Un for the care., ,  Saying that the socialist system is the best "
        "in the world, she asked her children to work harder."
    )
    assert got and got[-1] == (None, "Ri Sun Ae")


def test_a_pack_gender_other_than_m_or_f_is_an_error(tmp_path):
    from tealeaves.errors import UsageError
    from tealeaves.packs import load_pack

    (tmp_path / "people.tsv").write_text("id\tname\tsubtype\taliases\tinfo\tgender\nx\tX Y\t\t\t\tmale\n")
    with pytest.raises(UsageError, match="gender"):
        load_pack(tmp_path)


def test_a_pack_name_matches_with_or_without_its_accents():
    # "Federación Rusa", "Japón": the gazetteer scan reads the text with its accents folded one character for
    # one (offsets kept), so the sender of "La misiva" is Medvedev, not the leader who received it; the breve
    # stays (McCune-Reischauer "Chŏngju" is not "Chongju")
    from tealeaves.extract.kb import fold_accents

    assert fold_accents("Federación Rusa, Japón, España") == "Federacion Rusa, Japon, Espana"
    assert fold_accents("Chŏngju") == "Chŏngju"
    doc = Document.create(
        "KCNA",
        "2011-09-09",
        "Kim Jong Il recibe mensaje de felicitación de Medvedev",
        "El Dirigente Kim Jong Il recibió el día 9 un mensaje de felicitación que le enviara el "
        "presidente de la Federación Rusa D. Medvedev con motivo del aniversario., , La misiva va como "
        "sigue:, , Su Excelencia estimado Kim Jong Il,, , En ocasión del aniversario, hago llegarle a Vd. "
        "mi felicitación.",
        lang="es",
    )
    facts = Pipeline()(doc)
    places = {(m.text, m.entity) for m in facts["mention"] if m.label == "PLACE"}
    assert ("Federación Rusa", "ru") in places
    assert [q.speaker_entity for q in facts["quote"] if q.speaker_text == "misiva"] == ["dmitry-medvedev"]


def test_a_known_name_before_an_acronym_it_cannot_start_does_not_lend_it_its_entity():
    # "Organization for Security and Co-operation in Europe (OSCE)": the finder keeps only "Europe"; "OSCE"
    # is not Europe wherever else the text writes it
    doc = Document.create(
        "KCNA",
        "2011-04-08",
        "T",
        "The Organization for Security and Co-operation in Europe (OSCE) met. The OSCE said it would act. "
        "The Palestinian National Authority (PNA) said so too. The PNA went on.",
        lang="en",
    )
    got = {(m.text, m.label, m.entity) for m in Pipeline()(doc)["mention"]}
    assert not any(t == "OSCE" and label == "PLACE" for t, label, _ in got)


def test_a_leaders_spanish_title_standing_alone_is_the_leader_of_its_period():
    # KCNA's Spanish service writes "el Mariscal", "del Comandante Supremo", "el Maximo Dirigente" for Kim
    # Jong Un (from 2012-07-17, 2011-12-30, 2011-12-17) and "el Presidente" for Kim Il Sung, after Spanish
    # determiners and epithets (the general pack's title_epithets); the wording below is the corpus's
    doc = Document.create(
        "KCNA",
        "2012-09-12",
        "Inaugurada estatua",
        "La Academia Militar General Kim Il Sung se ha desarrollado bajo la direccion del Comandante "
        "Supremo., , El Mariscal dijo que han descrito muy bien la estatua de bronce., , El Maximo Dirigente "
        "expreso su esperanza y conviccion de que los constructores cumplan su mision., , Recordo las "
        "imborrables hazanas del Presidente y las orgullosas trayectorias de la academia.",
        lang="es",
    )
    facts = Pipeline()(doc)
    titles = [(m.text, m.entity) for m in facts["mention"] if m.method == "title"]
    assert titles == [
        ("Comandante Supremo", "kim-jong-un"),
        ("Mariscal", "kim-jong-un"),
        ("Maximo Dirigente", "kim-jong-un"),
        ("Presidente", "kim-il-sung"),
    ]
    assert [(q.cue.split()[0], q.speaker_entity) for q in facts["quote"]][:2] == [
        ("dijo", "kim-jong-un"),
        ("expreso", "kim-jong-un"),
    ]


def test_a_title_before_a_spanish_nationality_or_a_name_is_someone_elses():
    # "el Presidente ruso Dmitri Medvedev", "Presidente guatemalteco se refiere ...": a nationality in lower
    # case after the title (a word starting as a gazetteer country does, ending as a demonym does); "el
    # Mariscal Kim Jong Un" has the name; "para" is no Paraguayan
    doc = Document.create(
        "KCNA",
        "2012-02-04",
        "Presidente guatemalteco se refiere a relaciones",
        "El encuentro entre el Presidente del Comite de Defensa Nacional, Kim Jong Il, y el Presidente ruso "
        "Dmitri Medvedev fue historico. La obra del Presidente para la patria es inmortal.",
        lang="es",
    )
    titles = [(m.text, m.start) for m in Pipeline()(doc)["mention"] if m.method == "title"]
    assert len(titles) == 1 and doc.text[titles[0][1] :].startswith("Presidente para")


def test_a_one_word_name_before_an_unhyphenated_office_is_a_person():
    # "by Vishwanath, secretary general of the International Kim Il Sung Prize Council": the office is written
    # without its hyphen too, so the mononym is a person and the "he" after a quote naming the leaders is him
    # (the corpus's wording, speaker check set)
    doc = Document.create(
        "KCNA",
        "2012-04-13",
        "World Congress on Juche Idea Held",
        "The congress praised Kim Il Sung and leader Kim Jong Il., ,  An opening address was made at the "
        "congress by Vishwanath, secretary general of the International Kim Il Sung Prize Council., ,  The "
        "Juche idea is shining with the august names of Kim Il Sung and Kim Jong Il, he stressed.",
        lang="en",
    )
    facts = Pipeline()(doc)
    assert ("Vishwanath", "PERSON") in {(m.text, m.label) for m in facts["mention"]}
    assert [(q.speaker_text, q.speaker_name) for q in facts["quote"]] == [("he", "Vishwanath")]


def test_el_dirigente_is_kim_jong_il_and_no_name_for_another_role():
    # "el Dirigente" standing alone is Kim Jong Il in the Spanish service (2011-12 in the corpora, before and
    # after his death); a leader's title is never the name of another's role: "el embajador chino transmitio
    # al Dirigente ... El embajador chino subrayo" is the ambassador named before (the corpus's wording)
    doc = Document.create(
        "KCNA",
        "2011-11-01",
        "Kim Jong Il recibe al embajador chino",
        "El Dirigente recibio al embajador chino Liu Hongcai., , Primeramente, el embajador chino transmitio "
        "al Dirigente el cordial saludo enviado por Hu Jintao., , El embajador chino subrayo que las "
        "relaciones se desarrollan., , El Dirigente dijo que todos los sectores deben aprender de la amistad "
        "con China.",
        lang="es",
    )
    facts = Pipeline()(doc)
    assert [m.entity for m in facts["mention"] if m.text == "Dirigente"] == ["kim-jong-il"] * 3
    assert [(q.speaker_text, q.speaker_name) for q in facts["quote"]] == [
        ("embajador chino", "Liu Hongcai"),
        ("Dirigente", "Kim Jong Il"),
    ]


def test_a_spanish_following_answer_opens_a_block_and_the_portavoz_is_a_spokesman():
    # "el portavoz del MINREX de la RPDC dio la siguiente respuesta:" announces the answer that follows, as
    # "gave the following answer" does in English; "portavoz" (vocero) is a spokesman, anonymous like "a
    # spokesman for the DPRK Foreign Ministry", not the ministry (the corpus's wording)
    doc = Document.create(
        "KCNA",
        "2012-05-22",
        "MINREX de la RPDC rechaza la provocacion politica del G-8",
        "En entrevista concedida este martes a la ACNC con respecto al parrafo de acusacion a la RPDC, el "
        "portavoz del MINREX de la RPDC dio la siguiente respuesta:,  Condenamos categoricamente el hecho de "
        "que los participantes en la Cumbre del G-8 hayan cuestionado injustamente el lanzamiento de "
        "satelite., ,  Seguiremos ejerciendo dignamente el soberano derecho al lanzamiento de satelite.",
        lang="es",
    )
    quotes = Pipeline()(doc)["quote"]
    assert [(q.text[:10], q.speaker_text, q.speaker_kind) for q in quotes] == [
        ("Condenamos", "portavoz del MINREX de la RPDC", "anonymous")
    ]


def _quote_fields(title: str, body: str, published: str, fields: tuple[str, ...], lang: str = "en") -> list:
    """The ``fields`` of each quote the pipeline finds in a document made of ``title`` and ``body``: a tuple
    per quote, or the value itself for one field."""
    doc = Document.create("KCNA", published, title, body, lang=lang)
    rows = [tuple(getattr(q, f) for f in fields) for q in Pipeline()(doc)["quote"]]
    return [r[0] for r in rows] if len(fields) == 1 else rows


def _speakers(title: str, body: str, published: str, lang: str = "en") -> list[tuple]:
    """(speaker text, kind, name) of each quote the pipeline finds in a document made of ``title`` and
    ``body``."""
    return _quote_fields(title, body, published, ("speaker_text", "speaker_kind", "speaker_name"), lang)


def test_the_paper_of_a_place_and_the_issue_of_a_paper_name_it():
    # "The paper of Democratic Congo L'Avenir ... It said", "The September 4th issue of Xing San Daily of
    # Thailand ... The paper said" (a medium's name drops its place, guidelines 6), "The Sept. 1-15th issue of
    # Lao newspaper Heng Ngan" (the name after the description), in the corpus's wording
    def speakers(title, body):
        return _speakers(title, body, "2011-08-15")

    assert speakers(
        "Korea's Liberation Marked in Congo",
        "The paper of Democratic Congo L'Avenir on August 11 carried an article with a photo of President "
        "Kim Il Sung., , It said that the President organized and led the bloody anti-Japanese armed "
        "struggle to victory.",
    ) == [("It", "named", "L'Avenir")]
    assert speakers(
        "DPRK's Birthday Marked by Foreign Papers",
        "Foreign papers devoted special write-ups to the 64th anniversary of the founding of the DPRK.,  The "
        "September 4th issue of Xing San Daily of Thailand devoted one whole page to commemorative "
        "articles., ,  The paper said that President Kim Il Sung laid down a unique line.",
    ) == [("paper", "named", "Xing San Daily")]
    assert speakers(
        "DPRK Praised for Serving People--Lao Newspaper",
        "The Sept. 1-15th issue of Lao newspaper Heng Ngan carried special write-ups with a photo of "
        'President Kim Il Sung., ,  In an article titled "A Country of People", the paper said that in the '
        "DPRK all the lines and policies are adopted reflecting the demand of the people.",
    ) == [("Lao Newspaper", "named", "Heng Ngan"), ("paper", "named", "Heng Ngan")]


def test_a_body_named_in_lower_case_by_its_purpose_speaks_as_itself():
    # "The Kuwaiti preparatory committee for commemorating the centenary of birth of President Kim Il Sung and
    # the Kuwait-DPRK Friendship Association jointly issued bulletin": the first body, named in lower case by
    # what it is for (not "Kim Il Sung", not "Kim Il Sung and the Kuwait-DPRK ..."); "The committee ... the
    # organization said" after such a subject is that body (the corpus's wording)
    def speakers(title, body):
        return _speakers(title, body, "2012-08-25")

    kuwait = "Kuwaiti preparatory committee for commemorating the centenary of birth of President Kim Il Sung"
    assert speakers(
        "Day Marked by Kuwaiti Organizations",
        f"The {kuwait} and the Kuwait-DPRK Friendship Association jointly issued bulletin on August 22., "
        ',  In an article titled "Kim Jong Il, Songun leadership and modern Korea" the bulletin said he '
        "started the Songun revolutionary leadership long ago.",
    ) == [("bulletin", "named", kuwait)]
    network = "preparatory committee for People's Network for Getting Registration Fee Halved"
    assert speakers(
        "One Million-People Signature Campaign Declared in S. Korea",
        f"The {network} held a press conference in Seoul on July 19.,  The committee charged that the "
        "government has not made any estimate for the registration fee., ,  It will conduct a signature "
        "campaign from that day to September, the organization said.",
    ) == [("committee", "named", network), ("organization", "named", network)]
    # "The group of traitors ..." is no body's name
    assert speakers(
        "S. Korean Puppets Slammed", "The group of traitors claimed that the north was to blame."
    ) == [("group of traitors", "anonymous", None)]


def test_the_radio_is_a_broadcaster_named_before():
    # "...: Radio" and "the radio said" after "..., said Voice of Russia" and "a report made by experts of the
    # Asian Development Bank": the broadcaster, never the last body named; "according to VOA", "Cambodia's FM
    # 90.5 radio" (the corpus's wording)
    def speakers(title, body):
        return _speakers(title, body, "2012-01-10")

    assert speakers(
        "Economic Development of Asia Will Not Be Smooth: Radio",
        "Asia may be as rich and prosperous as Europe in the mid-21st century, said Voice of Russia., , "
        "According to a report made by experts of the Asian Development Bank, the total output value of the "
        "Asian countries will increase ten times in 2050., , The problems threatening the continent's "
        "development should be solved to this end, the radio said.",
    ) == [
        ("Radio", "named", "Voice of Russia"),
        ("Voice of Russia", "named", "Voice of Russia"),
        # (experts issue it: anonymous, guidelines 2.3, as the check set's gold has it)
        ("report made by experts of the Asian Development Bank", "anonymous", None),
        ("radio", "named", "Voice of Russia"),
    ]
    assert speakers(
        "U.S. Travel Company to Launch DPRK Tourism",
        "The Illinois-based Asia-Pacific Travel Company on August 25 released an announcement that the "
        "Kumgangsan Hotel will be available for tourists from next year, according to VOA., , It is known "
        "for the first time that the hotel will open for foreign tourists, the radio said.",
    )[-1] == ("radio", "named", "Voice of America")  # (VOA: a general-pack medium since session 19)


def test_a_document_a_medium_quotes_and_a_body_named_by_its_country():
    # "..., the south Korean Kyunghyang Daily News reported ... quoting a document of a foreign country. ...
    # the document said": the document's issuer is not the paper citing it (unnamed: anonymous); "The Serbian
    # party in its statement said" after "The New Yugoslavia Communist Party of Serbia and ...": that party
    # (the corpus's wording)
    def speakers(title, body):
        return _speakers(title, body, "2012-06-30")

    assert speakers(
        "S. Korea Tops World's List of Human Traffickers",
        "South Korea tops the world's list of human traffickers, the south Korean Kyunghyang Daily News "
        "reported on June 28 quoting a document of a foreign country.,  Owners and flesh traffickers "
        "subordinate street-walking women to them by forcing them into debt, the document said.",
    )[-1] == ("document", "anonymous", None)
    party = "New Yugoslavia Communist Party of Serbia"
    assert speakers(
        "DPRK's Measures for Self-defence Supported Abroad",
        f"The {party} and the Bangladesh Institute of the Juche Idea on October 14 made public statements in "
        "support of the DPRK.,  The Serbian party in its statement said the U.S. recently paved the way for "
        "south Korea's capability to strike any part of the DPRK.",
    ) == [("Serbian party", "named", party)]


def test_a_spanish_clause_joined_by_y_gives_its_subject():
    # "el traidor Lee Myung Bak invito a Chongwadae hasta a los ninos y les dijo que ...": the clause's
    # subject, not the whole clause; "..., destaca el editorial y agrega:" the inverted subject after the
    # verb; "El Dirigente evaluo ... el ministro chino ... y dijo" keeps the subject that opens it
    def speakers(title, body):
        return _speakers(title, body, "2012-05-05", lang="es")

    got = speakers(
        "Rodong Sinmun denuncia farsa de Lee",
        "En los ultimos dias el traidor Lee Myung Bak invito a Chongwadae hasta a los ninos y les dijo que "
        "el Norte es el enemigo principal., , El director general dio calurosa bienvenida a la banda coreana "
        "y dijo que la cultura une a los pueblos.",
    )
    assert [sp[:2] for sp in got] == [("Lee Myung Bak", "named"), ("director general", "named")]


def test_urged_with_a_reported_clause_is_speech():
    # "..., it urged" after a clause, "urged that ...": speech (the gold cue missed most often in English); a
    # request with no content clause ("urged the authorities to close down ...") is not a quote
    def quotes(body):
        doc = Document.create("KCNA", "2011-06-10", "Halt to Crackdown Demanded", body, lang="en")
        return [(q.cue, q.speaker_text) for q in Pipeline()(doc)["quote"]]

    assert quotes(
        "The Bar Association for Democratic Society of south Korea issued a statement on Monday.,  The "
        "authorities should promptly halt the scheme for military tie-up with Japan, it urged."
    ) == [("urged", "it")]
    assert quotes("The association urged the authorities to close down the base at once.") == []


def test_he_after_an_unnamed_office_holder_is_that_office():
    # "The minister of Agriculture and Irrigation on August 3 called on ... he added": an office one person
    # holds, the holder unnamed, is `named` with no entity (guidelines 2.3), and so is the "he" for it
    doc = Document.create(
        "KCNA",
        "2011-08-05",
        "Agriculture Develops in Myanmar",
        "Myanmar is directing efforts to developing agriculture., , The minister of Agriculture and "
        "Irrigation on August 3 called on agricultural experts to hand down technique to farmers. Good "
        "agricultural methods should be widely introduced through TV, radio and newspapers, he added.",
        lang="en",
    )
    assert [(q.speaker_text, q.speaker_kind, q.speaker_entity) for q in Pipeline()(doc)["quote"]] == [
        ("he", "named", None)
    ]


def test_unnamed_office_holders_of_a_department_an_assembly_a_consulate_and_a_cabinet():
    # Offices one person holds, the holder unnamed, are `named` with no entity (guidelines 2.3), and so is
    # the "he"/"she" for them: the secretary of a Department (the body's one holder, as the minister of a
    # Ministry), the speaker of an assembly (the subject, not the assembly), a consul general of a country
    # at a city, the chief Cabinet secretary; an office after a short opening phrase with no comma
    def speakers(title, body):
        return _quote_fields(
            title, body, "2012-07-24", ("speaker_text", "speaker_kind", "speaker_entity"), lang="en"
        )

    assert speakers(
        "Japan's Attitude Accused",
        "Some days ago, when receiving a report, the secretary of the U.S. Department of State said that the "
        "expression is wrong. She "
        "said it should be called sexual slavery.",
    ) == [("secretary of the U.S. Department of State", "named", None), ("She", "named", None)]
    assert speakers(
        "Indonesia Lambastes U.S. Interference",
        "Speaker of the Indonesian People's Consultative Assembly in a diplomatic appearance Tuesday accused "
        "the U.S. of interfering in the internal affairs of other countries., , The U.S. is on the verge of "
        "economic collapse, he said.",
    ) == [("he", "named", None)]
    assert speakers(
        "Condolences",
        "The consul general of Russia to Shenyang paid a consolatory visit to the DPRK mission., ,  He wrote "
        "in the condolence book: Upon hearing the sad news I express my deepest condolences.",
    ) == [("He", "named", None)]
    assert speakers(
        "Stealth Fighters",
        "The chief Cabinet secretary said at a recent press conference that it has become possible for the "
        "force to do air refueling.",
    ) == [("chief Cabinet secretary", "named", None)]
    assert speakers(
        "Japanese Protest against US Nuclear Tests",
        "Various circles of Japan protested against the U.S. tests.,  That day the mayor of Nagasaki "
        "submitted a written protest to the U.S. chief executive, in which he said that the tests are "
        "contrary to the expectation of many people.",
    ) == [("he", "named", None)]
    # the office after the opening phrase is a role first: the holder the text names in an appositive
    assert _speakers(
        "Greetings from President of Equatorial Guinea",
        "Kim Jong Un received a message of greeting from Obiang Nguema Mbasogo, president of the Republic "
        "of Equatorial Guinea, on September 4.\nIn the message the president of Equatorial Guinea extended "
        "the warmest congratulations to the Korean people.\nHeartily wishing peace and prosperity to the "
        "DPRK, he reaffirmed the willingness to strengthen the relations.",
        "2022-09-09",
    )[-1:] == [("he", "named", "Obiang Nguema Mbasogo")]


def test_documents_and_reporters_of_unnamed_office_holders():
    # A letter sent by a country's office-holder ("the Russian minister of Culture"), a message from a party's
    # chairman, and "the reporter" after an office-holder "made a written report" are that office, `named`
    # with no entity (guidelines 2.3), and so is the "he" after the reporter; a recipients' list the sentence
    # splitter cut ("the Omani sultan, the Jordanian king, ...") is no subject for "he"
    def speakers(title, body):
        return _quote_fields(
            title, body, "2011-10-13", ("speaker_text", "speaker_kind", "speaker_entity"), lang="en"
        )

    assert speakers(
        "Exhibition Opens in Moscow",
        "An exhibition opened in Moscow., , A congratulatory letter sent by the Russian minister of Culture "
        "to the exhibition was conveyed at the ceremony., , The current exhibition proves again that the "
        "relations have a solid tradition, the letter said.",
    ) == [("letter", "named", None)]
    assert speakers(
        "Seminar on WPK",
        "At the seminar the general secretary of the International Alliance of Societies for the Study of "
        'the Juche Idea made a written report titled "Founding of WPK"., ,  President Kim Il Sung founded '
        "the WPK in October 1945, the reporter said., ,  An independent state was founded, he noted.",
    ) == [("reporter", "named", None), ("he", "named", None)]
    assert speakers(
        "Greetings from Chairman of Mongolian People's Party",
        "Kim Jong Un received a message of greeting from the chairman of the Mongolian People's Party on "
        "Sept. 6.,  The message said that the relations would grow stronger.",
    ) == [("message", "named", None)]


def test_a_document_issued_by_a_body_speaks_for_it():
    # "A bulletin issued by Kim Jong Suk Library in Peru carried ... an article ... The article said": the
    # article is the bulletin's, whose issuer the subject names, not the medium's own voice
    doc = Document.create(
        "KCNA",
        "2011-07-16",
        "President Kim Il Sung Remembered",
        "Events were held abroad on the anniversary.,  A bulletin issued by Kim Jong Suk Library in Peru "
        'carried photographs of Kim Il Sung and an article entitled "Comrade Kim Il Sung is always '
        'alive.", ,  The article said that the President was an outstanding thinker.',
        lang="en",
    )
    assert [(q.speaker_text, q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]] == [
        ("article", "named", "Kim Jong Suk Library in Peru")
    ]


def test_spanish_cues_with_no_subject_after_the_words():
    # "A, dijo y agrego que B": Spanish drops the subject; A and B are the words of the person the story is
    # about (two quotes), never the clause before the cue ("dijo y", "Aunque son pocos los ejecutantes"); an
    # opening participle, gerund, adverb or date is no subject either
    def speakers(body):
        doc = Document.create(
            "KCNA", "2011-05-12", "Kim Jong Il dirige la Piscifactoria de Kujang", body, lang="es"
        )
        return [(q.text[:20], q.cue, q.speaker_name) for q in Pipeline()(doc)["quote"]]

    lead = "Kim Jong Il, secretario general del Partido del Trabajo, dirigio la Piscifactoria de Kujang., , "
    assert speakers(
        lead + "La piscifactoria de Kujang es el terreno muy apropiado a la cria de peces, dijo y agrego que "
        "esta empresa puede beneficiar al pueblo., , Aunque son pocos los ejecutantes, es muy fuerte su "
        "influencia artistica, apunto y agrego que esto comprueba su fuerza., , Complacido de la "
        "construccion del teatro, dijo que asi se pudo cumplir el legado., , Pasando revista a los objetos "
        "historicos, recordo que la fabrica tiene una larga historia., , Ademas, agrego que la tierra debe "
        "ser protegida."
    ) == [
        ("La piscifactoria de ", "dijo", "Kim Jong Il"),
        ("esta empresa puede b", "agrego", "Kim Jong Il"),
        ("Aunque son pocos los", "apunto", "Kim Jong Il"),
        ("esto comprueba su fu", "agrego", "Kim Jong Il"),
        ("asi se pudo cumplir ", "dijo", "Kim Jong Il"),
        ("la fabrica tiene una", "recordo", "Kim Jong Il"),
        ("la tierra debe ser p", "agrego", "Kim Jong Il"),
    ]
    # a date opening the sentence is not part of the subject
    doc = Document.create(
        "KCNA",
        "2012-07-07",
        "Vocero denuncia",
        "El portavoz dio una respuesta a la ACNC:, El dia 3 el traidor Lee dijo que se enfrentara al Norte.",
        lang="es",
    )
    assert [q.speaker_text for q in Pipeline()(doc)["quote"]][-1:] == ["traidor Lee"]


def test_a_title_opening_the_sentence_then_the_holder_in_apposition():
    # "El presidente del Comite ... de Bangladesh, Hasanul Huq Inu, se reunio ... En la ocasion, el dijo que":
    # the sentence's subject is the person named after the title (a name no pack knows), and "el" (the
    # pronoun, its accent lost) before a cue stands for him; "En su nota el destaco que" likewise
    def names(title, body):
        return _quote_fields(
            title, body, "2012-10-06", ("speaker_text", "speaker_kind", "speaker_name"), lang="es"
        )

    assert names(
        "Reunion",
        "El presidente del Comite Ejecutivo Central del Partido Socialista Nacional de Bangladesh, Hasanul "
        "Huq Inu, se reunio el dia primero con el embajador de Corea en su pais, Sin Hong Chol. , En la "
        "ocasion, el dijo que la fundacion del Partido del Trabajo de Corea fue un acontecimiento historico.",
    ) == [("el", "named", "Hasanul Huq Inu")]
    assert names(
        "Personalidad costarricense elogia hazanas de Kim Jong Il",
        "Con motivo del dia de nacimiento del Dirigente Kim Jong Il, el secretario general del Partido "
        "Vanguardia Popular de Costa Rica, Humberto Vargas Carbonel, hizo publica el 25 de enero una "
        "declaracion., En su nota el destaco que el Dirigente desarrollo la idea Juche.",
    ) == [("el", "named", "Humberto Vargas Carbonel")]


def test_spanish_offices_head_first_and_their_holders():
    # "el jefe de delegacion coreana", "el comandante de las tropas norteamericanas estacionadas en ...": an
    # office one person holds, head first, of a body named or a noun with its nationality, is `named` with
    # no entity (guidelines 2.3); "el ministro de Cultura An Tong Chun en su discurso inaugural" and "el
    # viceministro de Agricultura Ri Man Song" are the holders the spans name (the body's name and the
    # Korean name ending one capitalised run, split)
    def speakers(body):
        return _quote_fields(
            "Corea fortalecera cooperacion", body, "2011-11-02", ("speaker_kind", "speaker_name"), lang="es"
        )

    assert speakers(
        "El gobierno de la RPDC fortalecera las relaciones de amistad con los paises miembros de la UNESCO., "
        ",  Asi senalo el dia 28 de octubre el jefe de delegacion coreana al hacer uso de la palabra en el "
        "pleno de la asamblea general de la UNESCO., ,   Dijo que la RPDC respeto invariablemente la Carta."
    ) == [("named", None), ("named", None)]
    assert speakers(
        "El pasado dia 12, el comandante de las tropas norteamericanas estacionadas en el Sur de Corea "
        "insistio en que se debe emplazar nuevas armas."
    ) == [("named", None)]
    assert speakers(
        "El ministro de Cultura An Tong Chun en su discurso inaugural dijo que el festival demostrara la "
        "veneracion de la humanidad., , El viceministro de Agricultura Ri Man Song dijo que la cosecha sera "
        "buena."
    ) == [("named", "An Tong Chun"), ("named", "Ri Man Song")]


def test_spanish_joiners_inside_a_capitalised_name():
    # "el reporte de la Direccion Meteorologica e Hidrologica": "e" (Spanish "and" before i/hi) joins the
    # name, so the report speaks for the whole body (guidelines 2.3, a document stands for its issuer)
    doc = Document.create(
        "KCNA",
        "2012-05-25",
        "Pronostico",
        "Segun el reporte de la Direccion Meteorologica e Hidrologica, llovera mucho.",
        lang="es",
    )
    assert [(q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]] == [
        ("named", "Direccion Meteorologica e Hidrologica")
    ]


def test_a_spanish_nota_is_the_article_a_body_named_in_marks_posted():
    # 'La pagina online de Nepal "Nepal-Europa" inserto ... un articulo ..., senala la nota': the "nota" is
    # that article (a Spanish "nota" is also an article), published by the body named in quotation marks
    doc = Document.create(
        "KCNA",
        "2011-12-22",
        "Celebran",
        "Varias entidades dieron ediciones especiales en sus paginas web., , La pagina online de Nepal "
        '"Nepal-Europa" inserto el dia 10 un articulo intitulado "El 24 de diciembre de Corea"., , Los '
        "pueblos progresistas del mundo acogen significativamente el 24 de diciembre, senala la nota.",
        lang="es",
    )
    assert [(q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]] == [("named", "Nepal-Europa")]


def test_it_acting_after_a_sentence_about_a_state_is_that_state():
    # "The U.S. had been deeply involved in the election. It intensified nexus ..., saying ...": the "it"
    # that acts, then speaks, is the state the sentence before is about, not the medium's own voice; an "it
    # said" closing a statement's words stays the statement's
    doc = Document.create(
        "KCNA",
        "2011-10-28",
        "S. Korean Mayoral Election Reviewed",
        "Rodong Sinmun Friday says in a commentary that the election was a revolution., ,  The U.S. had "
        "been deeply involved in the election., ,  It intensified nexus with the puppet conservative ruling "
        "forces, saying the leftist camp's victory may jeopardize the alliance.",
        lang="en",
    )
    assert [(q.speaker_text, q.speaker_name) for q in Pipeline()(doc)["quote"]][-1] == ("It", "United States")


def test_the_minister_after_a_minister_of_a_named_ministry():
    # "The Lao deputy prime minister and concurrently minister of Foreign Affairs ... the minister said": the
    # one holder of that ministry, unnamed (named, no entity; guidelines 2.3); not after "a minister of"
    def speakers(body):
        doc = Document.create(
            "KCNA", "2011-06-07", "Lao Deputy PM Highlights Children's Health", body, lang="en"
        )
        return [(q.speaker_text, q.speaker_kind) for q in Pipeline()(doc)["quote"]]

    assert speakers(
        "The Lao deputy prime minister and concurrently minister of Foreign Affairs highlighted the "
        "importance of children's health.,  It is an important work to bring up children healthy and well, "
        "the minister said."
    ) == [("minister", "named")]
    assert speakers(
        "A minister of Foreign Affairs highlighted the importance of children's health.,  It is an important "
        "work to bring up children healthy and well, the minister said."
    ) == [("minister", "anonymous")]


def test_a_spanish_message_de_what_it_is_is_its_senders():
    # "Kim Yong Nam, envio ... un mensaje de Feliz Ano Nuevo al ...": after a verb of sending, "de" gives what
    # the message is; the message speaks for who sent it
    doc = Document.create(
        "KCNA",
        "2011-01-01",
        "Mensaje",
        "El presidente del Presidium de la Asamblea Popular Suprema, Kim Yong Nam, envio el dia primero un "
        "mensaje de Feliz Ano Nuevo al presidente de la Chongryon., La misiva enumera los exitos logrados y "
        "continua: , , El ano significativo marca un siglo glorioso de la nacion.",
        lang="es",
    )
    assert [q.speaker_name for q in Pipeline()(doc)["quote"]] == ["Kim Yong Nam"]


def test_a_country_a_medium_noun_then_the_medium_name():
    # "The Myanmar paper The Voice on the same day said", "U.S. newspaper Journal of Commerce dated ...": the
    # medium named after its noun speaks, not the country before it (a paper's "The" kept, guidelines 6)
    def speakers(body):
        return _quote_fields("DPRK Praised", body, "2011-09-11", ("speaker_name",), lang="en")

    assert speakers(
        "The Myanmar paper The Voice on the same day said that the DPRK is a people's country in name and "
        "reality., , Before founding the DPRK the President pursued popular policies, it noted."
    ) == ["The Voice", "The Voice"]


def test_it_after_a_body_the_packs_do_not_know_acting():
    # "The Solidarity for Democracy, People's Life, Peaceful Reunification and Sovereignty of south Korea
    # called on the people ... In an appeal issued on March 3 it said": the body acting in the sentence before
    # (a long name with commas no pack knows) is the "it"
    doc = Document.create(
        "KCNA",
        "2011-03-07",
        "Struggle for Peace Called for in S. Korea",
        "The Solidarity for Democracy, People's Life, Peaceful Reunification and Sovereignty of south Korea "
        "called on the people to turn out in actions for peace against the war drills. ,  In an appeal "
        "issued on March 3 it said that the Korean Peninsula is exposed to the danger of a war.",
        lang="en",
    )
    assert [q.speaker_name for q in Pipeline()(doc)["quote"]] == [
        "Solidarity for Democracy, People's Life, Peaceful Reunification and Sovereignty of south Korea"
    ]


def test_they_after_bodies_acting_together_behind_an_opening_phrase():
    # "Some days ago, the Korea Asia-Pacific Peace Committee and the DPRK General Guidance Bureau ...
    # declared ... In a statement of spokesman and a detailed report, they also announced": the bodies acting
    # together speak as the first of them (guidelines 2.2), past the opening "Some days ago,"
    doc = Document.create(
        "KCNA",
        "2011-04-19",
        "S. Korean Authorities' Remarks Slammed",
        "Some days ago, the Korea Asia-Pacific Peace Committee and the DPRK General Guidance Bureau for the "
        "Development of Scenic Spots formally declared that the DPRK would terminate the agreement.,  In a "
        "statement of spokesman and a detailed report, they also announced that the DPRK would take charge "
        "of the international tour.",
        lang="en",
    )
    assert [q.speaker_name for q in Pipeline()(doc)["quote"]][-1] == "Korea Asia-Pacific Peace Committee"


def test_a_person_named_inside_a_title_is_not_the_office_holder():
    # "Governor of Amur Region of Russia Recollects Personality of Kim Jong Il": the leader named after "of"
    # in a title is not the governor; "the governor" is Oleg Kozhemyako, named in apposition
    doc = Document.create(
        "KCNA",
        "2011-12-30",
        "Governor of Amur Region of Russia Recollects Personality of Kim Jong Il",
        (
            "Oleg Kozhemyako, governor of Amur Region of Russia, recollected with deep emotion the "
            "personality of leader Kim Jong Il as a great man, according to a Ria-Novosti news report of "
            "Russia on December 20., ,  The governor paid a condolatory visit to a DPRK construction company "
            "in Blagobeshensk City to express deep condolences on the demise of Kim Jong Il, the report "
            "said, adding:, ,  Kozhemyako is the only regional governor in Russia who had the honor of being "
            "received by Kim Jong Il several times., ,  Kim Jong Il received the governor in the DPRK in "
            "October this year, too., ,  Recalling Kim Jong Il, the governor posted on an Internet website "
            "the following article:, ,  Leader Kim Jong Il was an unworldly man."
        ),
        lang="en",
    )
    assert [q.speaker_name for q in Pipeline()(doc)["quote"]][-1] == "Oleg Kozhemyako"


def test_a_paper_named_before_is_not_the_name_in_what_it_said():
    # "The Bangladeshi newspaper Blits carried an article ... The paper in an article titled "..." said that
    # the President embarked ... In an article titled "..." the paper recalled": the paper is Blits, not the
    # "President" of what it said (a capitalised run before a verb, after the paper's speech cue)
    body = (
        "The Bangladeshi newspaper Blits carried an article with a photo of President Kim Il Sung., "
        'The paper in an article titled "Founding of the Juche Idea" said that the President embarked upon '
        "the road of revolution in his early years., "
        'In an article titled "One for All and All for One!" the paper recalled that the President visited '
        "the Kangson Steel Works in December 1956."
    )
    got = _speakers("WPK Praised by Foreign Media", body, "2011-10-12")
    assert [name for _, _, name in got] == ["Blits", "Blits"]


def test_the_clause_before_a_trailing_participle_gives_its_subject():
    # "Police turned out to block its action, asserting that ...", "The south Korean military authorities
    # investigated a woman officer, claiming that ...": the speaker is the clause's subject, not the clause
    def speaker(body):
        return _speakers("Actions Slammed", body, "2012-02-10")

    assert speaker("Police turned out to block its action, asserting that the rally was illegal.") == [
        ("Police", "anonymous", None)
    ]
    assert speaker(
        "The south Korean authorities investigated a woman officer, claiming that she was active in a union."
    ) == [("south Korean authorities", "named", "South Korea")]
    assert speaker(
        "The U.S. worked hard to perpetuate the division, warning that the north was a threat."
    ) == [("U.S.", "named", "United States")]
    # (a name with a verb after it is untouched; no adverb or number is taken for a subject)
    assert speaker("Kim Jong Un visited the farm, saying that the harvest is good.") == [
        ("Kim Jong Un", "named", "Kim Jong Un")
    ]


def test_a_progressive_speech_verb_and_a_camp_described():
    # "The S. Korean puppet forces are claiming that ...": the subject before "are" (no auxiliary in the
    # speaker); "It was disclosed that ..." stays without one; "the Japanese reactionaries" are a camp
    # described, anonymous (as "war fanatics"), not a body's name
    def speaker(body):
        return _speakers("Claims Slammed", body, "2011-08-05")

    assert speaker("The puppet forces are claiming that the relations deteriorated.") == [
        ("puppet forces", "anonymous", None)
    ]
    assert speaker("The U.S. is persistently insisting that the drills are defensive.") == [
        ("U.S.", "named", "United States")
    ]
    assert speaker(
        "Nevertheless, the Japanese reactionaries are persistently claiming that they are theirs."
    ) == [("Japanese reactionaries", "anonymous", None)]
    assert speaker("Japanese rightists claimed that the islets are theirs.") == [
        ("Japanese rightists", "anonymous", None)
    ]


def test_a_closing_attribution_with_its_piece_then_its_date():
    # "..., the British Branch of the Korean Friendship Association said in a statement on June 18.": the
    # piece, then the time (either order); "The statement said" later is that body's
    body = (
        "Big achievements have been made in the DPRK, the British Branch of the Korean Friendship "
        "Association said in a statement on June 18. It was issued on the anniversary. "
        "The statement said that the party is strong."
    )
    got = _speakers("Kim Jong Il Praised by British Organization", body, "2011-06-25")
    assert [name for _, _, name in got] == ["British Branch of the Korean Friendship Association"] * 2
    assert _speakers(
        "X", "The drills are a threat, the spokesman said on Monday in an interview.", "2011-06-25"
    )


def test_a_name_after_the_is_no_paper_named_in_the_sentence_before():
    # "The Bulgarian paper Iskra devoted a page ... The paper introduced in detail the feats the President
    # performed ... It went on:": "the President" is no name of the paper ("the U.S. Minjok Thongsin" is)
    body = (
        'The September issue of the Bulgarian paper Iskra devoted one page to an article titled "Founder '
        'of DPRK"., , The paper introduced in detail the feats the President performed by founding the DPRK. '
        "It went on: His feats are being successfully carried forward by Kim Jong Il., , "
    )
    got = _speakers("Kim Il Sung Praised", body, "2011-09-05")
    assert [name for _, _, name in got] == ["Iskra"]
    body = (
        "The Internet paper of Koreans in the United States Minjok Thongsin carried an article denouncing "
        "the authorities., , The article said lately the authorities have enforced undemocratic policies."
    )
    [(_, kind, name)] = _speakers("Media", body, "2011-09-24")
    assert kind == "named" and name.endswith("Minjok Thongsin")  # (not the medium's own voice)


def test_a_decree_or_order_speaks_for_whoever_issued_it():
    # "X issued a Republican Decree ... According to the decree": X; "The order of the Central Military
    # Commission of the WPK on renaming ... The order noted": the commission; "the January 9 decree of the
    # Presidium of the DPRK SPA": the presidium (a date before the noun)
    body = (
        "Sudanese President Omar Hassan Ahmed al-Bashir on March 29 issued a Republican Decree on a "
        "referendum. According to the decree, the status of Darfur will be decided via a referendum."
    )
    assert [n for _, _, n in _speakers("Decree on Darfur", body, "2011-04-01")] == [
        "Omar Hassan Ahmed al-Bashir"
    ]
    body = (
        "The order of the Central Military Commission of the Workers' Party of Korea on renaming the "
        "institute was conveyed by a general. The order noted that the university was founded during the war."
    )
    assert [n for _, _, n in _speakers("Institute Renamed", body, "2012-10-29")] == [
        "Central Military Commission of the WPK"
    ]
    body = (
        "Ko Pu Ung was awarded the title of Labor Hero, according to the January 9 decree of the Presidium "
        "of the DPRK Supreme People's Assembly."
    )
    got = _quote_fields("Labor Hero Conferred", body, "2012-01-10", ("speaker_entity",))
    assert got == ["spa-presidium"]


def test_people_named_together_and_a_paper_no_pack_knows():
    # "X, chairman of ..., and Y, chairman of ..., released a joint statement ... the statement said": the
    # first of them (guidelines 2.2); "Granma carried an article ... It carried a photo ... it said": a name
    # that publishes an article is a medium, the "it"
    body = (
        "Rashed Khan Menon, chairman of the Central Committee of the Workers' Party of Bangladesh, and "
        "Hasanul Huq Inu, chairman of the Central Executive Committee of the Bangladesh National Socialist "
        "Party, released a joint statement on August 28., President Kim Il Sung liberated Korea, the "
        "statement said."
    )
    assert [n for _, _, n in _speakers("Feats Praised", body, "2012-09-03")] == ["Rashed Khan Menon"]
    body = (
        'Cuban media denounced the war exercises on June 27.,  Granma carried an article titled "South Korea '
        'stages military exercises". It carried a photo of troops in exercises., ,  The south Korean army '
        "stages the said war exercises this week, it said."
    )
    assert [n for _, _, n in _speakers("Cuban Media Denounce Exercises", body, "2011-07-02")] == ["Granma"]


def test_he_said_this_after_the_sentence_about_him():
    # "Venezuelan President Hugo Chavez called on the people to ... He said this at roundtable talks": the
    # subject of the sentences "this" stands for; "..., he said" inside one sentence is still not its subject
    body = (
        "Venezuelan President Hugo Chavez called on the people to face political challenges with unity. He "
        "said this at roundtable talks on Saturday., ,  He referred to the elections., ,  What is most "
        "important at present is to strengthen the unity, he noted."
    )
    got = _speakers("Chavez Urges People to Face Challenges with Unity", body, "2011-08-04")
    assert [n for _, _, n in got] == ["Hugo Chavez", "Hugo Chavez"]
    body = "An official said the talks failed., , Kim Jong Un is the leader of the people, he said."
    assert _speakers("X", body, "2012-08-04")[-1][2] != "Kim Jong Un"


def test_a_leader_title_before_a_spanish_verb_of_saying():
    # "El Dirigente indico las tareas": "indico" (he indicated) is a verb of saying, not a nationality
    # ("indico", Indian) that would make the title someone else's
    doc = Document.create(
        "KCNA",
        "2011-10-14",
        "Kim Jong Il visita granja",
        "El Dirigente indico las tareas de la granja.",
        lang="es",
    )
    got = [(m.text, m.entity) for m in Pipeline()(doc)["mention"]]
    assert ("Dirigente", "kim-jong-il") in got
    doc = Document.create(
        "KCNA", "2011-10-14", "Visita", "El Presidente ruso dijo que la visita fue util.", lang="es"
    )
    assert not any(m.entity == "kim-jong-il" for m in Pipeline()(doc)["mention"])


def test_a_spanish_closing_cue_joined_to_a_cue_and_a_colon():
    # "Los creadores deben desarrollar las bellas artes, indico y prosiguio: ...": the words before the cue
    # are a quote of the person the story is about, and the block after the colon goes on with him
    body = (
        "El Dirigente visito la fabrica., ,  Los creadores deben desarrollar las bellas artes, indico y "
        "prosiguio:, , Tienen que desarrollar mas la pintura."
    )
    got = _quote_fields("Kim Jong Il visita", body, "2011-01-22", ("text", "speaker_name"), lang="es")
    assert got == [
        ("Los creadores deben desarrollar las bellas artes", "Kim Jong Il"),
        ("Tienen que desarrollar mas la pintura.", "Kim Jong Il"),
    ]


def test_long_subjects_bodies_joined_and_a_spanish_spokesman():
    # "The British Group for the Study of the Juche Idea and the British Association for the Study of Songun
    # Policy said in a joint statement on Sept. 8:" (more than 18 words): the first body (guidelines 2.2);
    # "el portavoz de la Direccion de ... de la Republica Popular Democratica de Corea dio ... la siguiente
    # respuesta": one long title, a spokesman
    body = (
        "British organizations issued statements., , The British Group for the Study of the Juche Idea and "
        "the British Association for the Study of Songun Policy said in a joint statement on Sept. 8:, , "
        "After the liberation of the country President Kim Il Sung founded the DPRK."
    )
    got = _speakers("Feats Praised by British Organization", body, "2011-09-17")
    assert [n for _, _, n in got] == ["British Group for the Study of the Juche Idea"]
    body = (
        "En relacion con las negociaciones, el portavoz de la Direccion de la Zona Especial del Turismo "
        "Internacional al Monte Kumgang de la Republica Popular Democratica de Corea dio el dia 26 la "
        "siguiente respuesta a la ATCC:, , Para el ajuste de bienes inmuebles hay que negociar."
    )
    got = _speakers("RPDC critica al Sur", body, "2011-07-26", lang="es")
    assert [kind for _, kind, _ in got] == ["anonymous"]


def test_a_progressive_speech_verb_after_still():
    # "Of late, the intelligence service and the Ministry of Unification are still claiming they have ...":
    # the subject before the auxiliary and its adverb (no speaker before)
    body = (
        "Of late, the south Korean intelligence service and the Ministry of Unification are still claiming "
        "they have nothing to do with the attempted terrorism."
    )
    got = _speakers("Assertion Dismissed", body, "2012-08-06")
    assert got == [("south Korean intelligence service and the Ministry of Unification", "anonymous", None)]


def test_a_spanish_gerund_phrase_without_a_comma_is_no_subject():
    # "Contemplando la vasta zona del frente encargada por la unidad dijo que ...": the gerund's phrase, then
    # the cue with no subject (the person the story is about); a name after the phrase is the subject
    body = (
        "El Maximo Dirigente Kim Jong Un visito la unidad., , Contemplando la vasta zona del frente "
        "encargada por la unidad dijo que deben consolidar la isla Ryo."
    )
    got = _speakers("Kim Jong Un visita", body, "2012-04-05", lang="es")
    assert [n for _, _, n in got] == ["Kim Jong Un"]


def test_a_spanish_office_and_its_nationality_is_one_holder():
    # "El premier togoles dijo que ...": one office and the nationality after it (not a plural because the
    # nationality ends in "s"), a named speaker whose holder this text leaves unnamed; "Los embajadores
    # dijeron" stays anonymous
    got = _speakers("Togo", "El premier togoles dijo que es necesaria una medida.", "2012-01-20", lang="es")
    assert got == [("premier togoles", "named", None)]
    got = _speakers("Togo", "Los embajadores dijeron que es necesaria una medida.", "2012-01-20", lang="es")
    assert got == [("embajadores", "anonymous", None)]


def test_a_korean_name_ending_in_se_before_a_comma():
    # "El embajador coreano, Jong Hak Se, hizo ...": "Se" ends the name before a comma (elsewhere the Spanish
    # "se" is no syllable: "Kim Jong Il se reunio")
    for body, name in (
        ("El embajador coreano, Jong Hak Se, hizo una visita.", "Jong Hak Se"),
        ("Kim Jong Il Se reunio con ellos.", "Kim Jong Il"),
    ):
        doc = Document.create("KCNA", "2012-01-20", "Visita", body, lang="es")
        assert name in [m.text for m in Pipeline()(doc)["mention"] if m.label == "PERSON"]


def test_a_name_in_apposition_after_an_office_of_a_body():
    # "the prime minister of Togo, Gilbert Fossoun Houngbo,": a name no pack knows, in apposition after an
    # office and what it is the office of; not a list's next item ("Minister of Agriculture, Animal
    # Husbandry and Fisheries") nor a body's name ("Solidarity for Democracy, People's Life, ...")
    def people(body, lang="en"):
        doc = Document.create("KCNA", "2012-01-20", "Visit", body, lang=lang)
        return [m.text for m in Pipeline()(doc)["mention"] if m.label == "PERSON"]

    assert "Gilbert Fossoun Houngbo" in people(
        "The ambassador met the prime minister of Togo, Gilbert Fossoun Houngbo, on Tuesday."
    )
    assert "Gilbert Fossoun Houngbo" in people(
        "El embajador visito al premier de la Republica Togolesa, Gilbert Fossoun Houngbo.", "es"
    )
    assert "Animal Husbandry" not in people(
        "He met the minister of Agriculture, Animal Husbandry and Fisheries of Uganda."
    )


def test_a_title_opening_the_sentence_before_a_name_is_that_persons():
    # "El embajador coreano, Jong Hak Se, hizo una visita ... al secretario general de ...": the ambassador's
    # title is the one before his name; the secretary general visited is someone else
    body = (
        "El embajador coreano, Jong Hak Se, hizo el dia 17 una visita de cortesia al secretario general de "
        "la Reunion del Pueblo Togoles., En la audiencia el secretario general dijo que el Presidente Kim Il "
        "Sung hizo gran aporte."
    )
    got = _speakers("Togo", body, "2012-01-20", lang="es")
    assert [n for _, _, n in got] != ["Jong Hak Se"]


def test_a_clause_joined_to_the_cue_by_and_gives_its_subject():
    # "President of Bolivia Evo Morales on Friday slashed the U.S. policy and noted that ...": the subject of
    # the clause before "and" speaks (a day may come between it and its verb); a clause reported inside the
    # sentence is no subject ("X said that the life of Y was ..., adding:")
    body = "President of Bolivia Evo Morales on Friday slashed the U.S. policy and noted that it lacks right."
    assert _speakers("Bolivian President", body, "2012-02-08") == [("Evo Morales", "named", "Evo Morales")]
    body = (
        "Vasile Orleanu, chairman of the Supreme Council of the party, said in his memorial address that the "
        "life of Kim Jong Il was the one of a great man and hero, adding:, ,  HE Kim Jong Il developed the "
        "idea."
    )
    assert [n for _, _, n in _speakers("Memorial", body, "2011-12-26")] == ["Vasile Orleanu"] * 2


def test_an_issue_number_is_no_part_of_a_papers_name():
    # "The Russian paper Patriot No. 24 carried a special article": the paper is Patriot
    body = (
        "The Russian paper Patriot No. 24 carried a special article. It carried his photo., The victory was "
        "great, the article said."
    )
    doc = Document.create("KCNA", "2012-07-05", "Praised by Russian Paper", body, lang="en")
    facts = Pipeline()(doc)
    assert ("Patriot", "ORG") in [(m.text, m.label) for m in facts["mention"]]
    assert [q.speaker_name for q in facts["quote"]] == ["Patriot"]


def test_a_role_modifier_before_another_noun_names_no_role():
    # "The first leg of his guidance was the Hungnam Fertilizer Complex": "first" modifies roles ("first
    # secretary") but names none alone, so the leader stays the subject "he" refers to
    body = (
        "General Secretary Kim Jong Il provided field guidance to industrial establishments in Hamhung.,  "
        "The "
        "first leg of his guidance was the Hungnam Fertilizer Complex., , He looked round the site., , It is "
        "another miracle, he said."
    )
    got = _speakers("Kim Jong Il Inspects Industrial Establishments", body, "2011-03-10")
    assert got == [("he", "named", "Kim Jong Il")]
    # "led by its first secretary ... The first secretary said": the one office of two words, its body the
    # one the sentence names ("its")
    body = (
        "They were the delegation of the Maritime Territorial Regional Committee of the Communist Party of "
        "the "
        "Russian Federation led by its first secretary., ,  The first secretary said that the DPRK has "
        "increased national defence capabilities."
    )
    assert _speakers("Russian Parties Visit DPRK Mission", body, "2012-08-06") == [
        ("first secretary", "named", None)
    ]


def test_a_capitalised_office_and_a_lower_case_body_named_before_identify_the_holder():
    # "Head of the delegation of the Vietnamese paper ... The head said": the office written with a capital
    # opening the sentence is the same office
    body = (
        "Head of the delegation of the Vietnamese paper Nhan Dan said this after visiting Mangyongdae., ,  "
        "The "
        "head said Mangyongdae is a time-honored place."
    )
    assert [k for _, k, _ in _speakers("Feats Are Great", body, "2012-05-24")] == ["named"]
    # "the Malaysian preparatory committee for ...", "the General Association of Koreans in China": a body
    # named before, then its office with the body's head noun in lower case
    body = (
        "A meeting was held by the Malaysian preparatory committee for commemorating the centenary on Jan. "
        "13., "
        "The chairman of the preparatory committee said that this year is significant."
    )
    assert [k for _, k, _ in _speakers("Editorial Studied in Malaysia", body, "2012-01-24")] == ["named"]
    body = (
        "The Liaoning regional association of the General Association of Koreans in China made a statement. "
        "Meanwhile, the secretary general of the general association said that all Koreans in China would "
        "be ready."
    )
    assert [k for _, k, _ in _speakers("Koreans in China", body, "2012-07-09")] == ["named"]


def test_a_word_of_rank_before_a_korean_name_leaves_the_name():
    # "Chief Jo Il Min and staff members of the mission": a rank no pack lists as a title, then a Korean name;
    # "Rector Pak Yong Ho", "Supreme Leader ... Ayatollah Ali Khamenei": titles the packs list
    body = (
        "Chief Jo Il Min and staff members of the mission had conversations with them., , The chief said "
        "that "
        "the media are introducing the feats."
    )
    doc = Document.create("KCNA", "2012-04-12", "Foreign Guests Visit", body, lang="en")
    facts = Pipeline()(doc)
    assert ("Jo Il Min", "PERSON") in [(m.text, m.label) for m in facts["mention"]]
    assert [q.speaker_name for q in facts["quote"]] == ["Jo Il Min"]
    body = (
        "In a message issued on Sept. 13, Supreme Leader of the Islamic Republic Ayatollah Ali Khamenei said "
        "that behind this evil move lie the antagonistic policies of the Zionists."
    )
    assert _speakers("Iran", body, "2012-09-19") == [("Ali Khamenei", "named", "Ali Khamenei")]


def test_a_countrys_office_with_a_possessive_and_the_words_it_quotes():
    # "Nicaragua's President Daniel Ortega Saavedra has called ... He said this": the person after the
    # country's office; "South Africa's Tourism Minister spoke ... He said": the office's one holder, unnamed,
    # and a sentence opening with quoted words ('"Someone must take a stand ...," he said') has no subject
    # outside them for a later "he"
    body = (
        "Nicaragua's President Daniel Ortega Saavedra has called on the Latin American trade unions to "
        "unite. "
        "He said this at the 4th Latin America Trade Union Meeting in Managua on August 27."
    )
    assert [n for _, _, n in _speakers("Call for Unity", body, "2011-08-31")] == ["Daniel Ortega"]
    body = (
        "South Africa's Tourism Minister spoke against an airport tax system.,  He said some economists have "
        'estimated that it amounts to 50 percent of the cost. "Someone must take a stand and put pressure on '
        'these governments," he said., ,  Initially European countries had said the taxes were for emission, '
        "but the money goes back to European budgets, he said."
    )
    assert [k for _, k, _ in _speakers("Minister Condemns Taxes", body, "2011-03-15")] == ["named"] * 3


def test_a_comma_inside_the_clause_joined_by_and_leaves_its_subject_at_the_start():
    # "Kim Jong Il visited the command ... in Hoechang County, South Phyongan Province last year and said":
    # the clause's subject opens the sentence; not when the words before "and" hold a cue ("it says and goes
    # on:" is the paper)
    body = (
        "General Secretary Kim Jong Il visited the command of the Chinese People's Volunteers in Hoechang "
        "County, South Phyongan Province last year and said many volunteers lost their lives in the war."
    )
    assert [n for _, _, n in _speakers("Friendship", body, "2011-07-11")] == ["Kim Jong Il"]
    body = (
        "The party is the mother, says Rodong Sinmun Saturday in an article., The Korean people are leading "
        "the most dignified life in the world, it says and goes on:, All the people are enjoying life."
    )
    got = [n for _, _, n in _speakers("Article", body, "2024-03-02")]
    assert len(got) >= 2 and set(got) == {"Rodong Sinmun"}


def test_the_reporter_after_a_long_list_of_offices():
    # "KPA Vice Marshal Kwon Yong Jin, member of ..., member of ... and director of ..., made a report. ...,
    # the reporter said": Rodong Sinmun's lists of offices run long before the verb
    body = (
        "The respected General Secretary declared the first workshop open.\nA report was made at the "
        "workshop."
        "\nKPA Vice Marshal Kwon Yong Jin, member of the Political Bureau of the Central Committee of the "
        "WPK, "
        "member of the Central Military Commission of the WPK and director of the KPA General Political "
        "Bureau, made a report.\nThe respected General Secretary organized the grand workshop of the "
        "commanders on the occasion of the anniversary, the reporter said."
    )
    doc = Document.create("Rodong Sinmun", "2021-07-30", "Workshop Held", body, lang="en")
    assert [q.speaker_name for q in Pipeline()(doc)["quote"]] == ["Kwon Yong Jin"]


def test_according_to_a_criterion_is_no_source():
    body = (
        "In case it is judged according to our criteria that they violated the sovereignty of the DPRK, our "
        "armed forces will immediately carry out their mission."
    )
    doc = Document.create("KCNA", "2024-10-13", "Press Statement", body, lang="en")
    assert Pipeline()(doc)["quote"] == []


def test_an_unknown_bodys_name_before_a_past_tense():
    # "Standard and Poors degraded ... it pointed out": a body's name the packs do not know, subject of a
    # past tense, is what "it" stands for
    body = (
        "Standard and Poors degraded the U.S. credit rating from stable to negative.,  One of the main "
        "factors is the increasing budget deficit in the U.S., it pointed out."
    )
    assert [n for _, _, n in _speakers("Rating Cut", body, "2011-08-05")] == ["Standard and Poors"]


def test_an_adverb_before_the_cue_is_no_subject():
    # "He, at the same time, lucidly explained that": the pronoun opening the sentence; "X, minister of
    # Finance, openly said": the noun phrase before the adverb; "In the work he proved ..., stating that": the
    # pronoun after the opening phrase
    body = (
        "Kim Il Sung clarified the task. He, at the same time, lucidly explained that making the whole world "
        "independent is a common task facing the world people."
    )
    assert [n for _, _, n in _speakers("Work", body, "2011-04-10")] == ["Kim Il Sung"]
    body = (
        "Kim Jong Il published the work. In the work he proved the ultimate victory of socialism, stating "
        "that "
        "the crumbling of socialism does not mean the failure of socialism."
    )
    assert [n for _, _, n in _speakers("Work", body, "2011-04-10")] == ["Kim Jong Il"]


def test_people_in_apposition_joined_by_and_speak_as_the_first():
    # "John Jamit, chairman of ..., and Jean-Pierre Sammut, its secretary general, in a joint statement
    # said ... they added": a name before ", its secretary general," is a person; people listed with their
    # offices speak as the first of them, and so does the "they" after them (guidelines 2.2)
    body = (
        "John Jamit, chairman of the Malta-Korea Friendship Association, and Jean-Pierre Sammut, its "
        "secretary general, in a joint statement on April 8 said that the Day of the Sun is the common "
        "holiday of the world progressives., ,  Kim Il Sung was a world political elder who ushered in the "
        "era "
        "of independence, they added."
    )
    assert [n for _, _, n in _speakers("Holidays Commemorated", body, "2011-04-21")] == ["John Jamit"] * 2
    body = (
        "Choe Yong Suk, chairperson of the European Solidarity of Korean Nation, Kim Ji Yong, chairperson of "
        "the Democratic Women's Society in Japan, and Mun Se Hyon, chairman of the Youth League in Japan, "
        "said "
        "that last year was the year when all Koreans keenly felt the pain resulting from the division."
    )
    assert [n for _, _, n in _speakers("New Year", body, "2011-01-15")] == ["Choe Yong Suk"]


def test_a_work_by_its_title_and_a_recent_report():
    # 'According to "Korean Geography" compiled in 1481': the work in quotation marks is the source, by its
    # title; "A recent AP report said": the report of AP
    body = (
        'According to "Korean Geography" compiled in 1481, kapuiji was used for making arrow-proof fatigues.'
    )
    assert _speakers("Paper Armour", body, "2011-05-10") == [
        ("Korean Geography", "named", "Korean Geography")
    ]
    body = (
        "A recent AP report said eight American soldiers in Afghanistan were confirmed to have died of drugs."
    )
    assert [n for _, _, n in _speakers("Drug Abuse", body, "2012-01-10")] == ["Associated Press"]


def test_a_headline_office_is_the_story_speaker_named_with_it():
    # "...: Minister" and "..., said Minister for Women Empowerment ... Linda Agum Gumelar": the one the story
    # names with that office, though no mention carries the title
    body = (
        "Indonesia will have a gender equality law as parliament has an agenda this year to discuss the "
        "matter, "
        "said Minister for Women Empowerment and Children Protection Linda Agum Gumelar on Tuesday."
    )
    got = _speakers("Indonesia to Introduce Gender Equality Law: Minister", body, "2011-03-11")
    assert [n for _, _, n in got] == ["Linda Agum Gumelar"] * 2


def test_a_head_of_states_group_speaks_as_its_government():
    # "the Lee group", "Lee's clique": a head of state's group speaks as the government of that state, the
    # packs giving the person as "president of South Korea" (guidelines 6: a state's government)
    body = (
        "Traitor Lee Myung Bak is now pretending to be interested in dialogue. The Lee group claimed that it "
        "would open the door to dialogue. Lee's clique said that it hopes the north would make a good choice."
    )
    got = _speakers("Lee Group Blasted", body, "2012-03-01")
    assert [n for _, _, n in got] == ["Government of South Korea"] * 2


def test_an_office_synonym_and_a_title_before_the_comma_of_a_name():
    # "al presidente pakistani, Asif Ali Zardari. El mandatario dijo": the office a determiner gives right
    # before the comma of a name in apposition is that person's, and "mandatario" stands for "presidente"
    # (the packs' role_synonyms); not a clause's comma ("from the visiting chairman, Kim Il Sung expressed")
    body = (
        "El nuevo embajador coreano en Pakistan, Ro Kyong Chol, entrego el dia 2 sus cartas credenciales al "
        "presidente pakistani, Asif Ali Zardari., El mandatario dijo que no puede olvidar el encuentro con "
        "el "
        "Presidente Kim Il Sung durante su visita a Corea."
    )
    got = _speakers("Credenciales", body, "2012-03-04", lang="es")
    assert [n for _, _, n in got] == ["Asif Ali Zardari"]
    body = (
        "The chairman of the Socialist Party of Cyprus met the Cyprian president., ,  When receiving the "
        "gift "
        "from the visiting chairman, Kim Il Sung expressed thanks to him., ,  The chairman told Kim Il Sung "
        "that "
        "he was very happy to be the first Cyprian to give pleasure to the DPRK President."
    )
    assert [n for _, _, n in _speakers("Antiques", body, "2011-08-02")] != ["Kim Il Sung"]


def test_a_message_received_on_a_weekday_from_its_sender():
    # "received a congratulatory message Wednesday from the Central Standing Committee of ...": the sender
    # speaks in it, not the one who received it
    body = (
        "General Secretary Kim Jong Il received a congratulatory message Wednesday from the Central Standing "
        "Committee of the General Association of Korean Residents in Japan (Chongryon) on the occasion of "
        "his "
        "birthday.,  You are a genius of idea and theory, the message said."
    )
    got = _speakers("Congratulations from Chongryon", body, "2011-02-16")
    assert [n for _, _, n in got] == [
        "Central Standing Committee of the General Association of Korean Residents in Japan"
    ]


def test_the_author_of_a_carried_piece_and_the_document_a_person_speaks_through():
    # "carried an article dedicated by its Representative Ro Kil Nam": the author speaks in it, not the paper;
    # "carried the letter written by its Representative Ri Chang Gi ... In the letter he deplored ... it
    # said": the "it" is the letter the sentence before speaks through, so its author
    body = (
        "Minjok Thongsin, Internet paper of Koreans in the U.S., on July 7 carried an article dedicated by "
        "its "
        "Representative Ro Kil Nam to the anniversary.,  The article said that the President still lives in "
        "the hearts of the fellow countrymen."
    )
    assert [n for _, _, n in _speakers("Anniversary Marked", body, "2012-07-23")] == ["Ro Kil Nam"]
    body = (
        "South Korean Internet newspaper Jaju Minbo carried the letter written by its Representative Ri "
        "Chang "
        "Gi behind bars on August 31., In the letter he deplored that it is only south Korea where anyone "
        "praising the north is thrown behind bars., , It is as foolish an act as finding a fish on a tree "
        "for "
        "the authorities to talk about dialogue, it said."
    )
    assert [n for _, _, n in _speakers("Abolition Demanded", body, "2012-09-04")] == ["Ri Chang Gi"] * 2


def test_a_papers_lead_urges_and_a_new_paper_ends_the_last_block():
    # "X should ..., Minju Joson Saturday urges in a bylined commentary. It goes on:": the paper's own lead
    # and block; "The Indonesian paper Suara Karya on June 29 carried an article ... It noted:": a new source
    # ends the block before it, so "It" is the new paper
    body = (
        "The Japanese authorities should immediately stop the suppression of Koreans in Japan, Minju Joson "
        "Saturday urges in a bylined commentary. , , It goes on:, , Recently the Japanese custom authorities "
        "searched luggage."
    )
    assert [n for _, _, n in _speakers("Japan Urged", body, "2011-12-17")] == ["Minju Joson"] * 2
    body = (
        "The Bangladeshi paper Natun Bangla carried an article., The great leader is praised, the article "
        "said, adding:, , The feats he performed will shine forever., ,  The Indonesian paper Suara Karya on "
        'June 29 carried an article titled "August name is shining".     , ,  It noted:, ,  The august name '
        "of "
        "the President means the sun."
    )
    assert [n for _, _, n in _speakers("Papers Praise", body, "2012-07-08")][-1] == "Suara Karya"


def test_a_comma_inside_a_name_and_bodies_sharing_a_head_noun():
    # "The chairman of the People's Front of Workers, Peasants and Students of Peru said": a comma inside a
    # name's list of capitalised words; "The North, South and Overseas Side Committees for Implementing ...
    # issued": bodies sharing a head noun speak as the first of them, the head in the singular
    body = (
        "The chairman of the People's Front of Workers, Peasants and Students of Peru said Kim Jong Il "
        "developed in depth the Juche idea founded by President Kim Il Sung."
    )
    got = _speakers("Kim Jong Il Praised", body, "2012-02-25")
    assert got == [
        ("chairman of the People's Front of Workers, Peasants and Students of Peru", "named", None)
    ]
    body = (
        "The North, South and Overseas Side Committees for Implementing June 15 Joint Declaration issued the "
        "following joint press release on Friday:,  As already known, the committee was formed."
    )
    got = _speakers("Press Release", body, "2012-06-01")
    assert [n for _, _, n in got] == ["North Side Committee for Implementing June 15 Joint Declaration"]


def test_spanish_office_holder_in_apposition_and_a_bulletin_called_a_note():
    # '..., dijo la viceministra de Industria Metalurgica, O Hi Sun (56 anos de edad)': the office's holder
    # named after it; "hizo publica el dia 23 la informacion no.995 ... comienza la nota": the bulletin's
    # issuer (a "nota" may be the "informacion" published before)
    body = (
        '"Nosotros crecimos como los funcionarios bajo el cuidado de usted", dijo la viceministra de '
        "Industria "
        "Metalurgica, O Hi Sun (56 anos de edad) ante el retrato del Presidente."
    )
    assert [n for _, _, n in _speakers("Dolor", body, "2011-12-21", lang="es")] == ["O Hi Sun"]
    body = (
        "Al respecto, el secretariado del Comite por la Reunificacion Pacifica de la Patria hizo publica el "
        "dia "
        "23 la informacion no.995., , Lo que dijo Lee significa otra provocacion, comienza la nota y "
        "continua:, "
        ", Al calumniar la maxima dignidad, el traidor se puso en ridiculo."
    )
    got = _speakers("CRPP publica informacion 995 condenando la conferencia", body, "2012-04-23", lang="es")
    assert {k for _, k, _ in got} == {"named"}


def test_companions_after_together_with_and_the_spanish_verb_before_asi():
    # "Kim Jong Il together with X, ..., and Y, ..., sent a message of greetings to A, ..., and B, ..., on
    # Friday": the companions and the addressees are no subject, so the message is Kim Jong Il's; "Senala
    # asi el diario Rodong Sinmun": the verb before "asi", as "Asi senala"
    body = (
        "General Secretary Kim Jong Il together with Kim Yong Nam, president of the Presidium, and Choe Yong "
        "Rim, premier of the Cabinet, sent a message of greetings to Hu Jintao, president of China, and Wen "
        "Jiabao, premier of the State Council of China, on Friday., ,  The message said:, ,  We are glad."
    )
    assert [n for _, _, n in _speakers("Greetings", body, "2011-09-30")] == ["Kim Jong Il"]
    body = (
        "Este hecho evidencia que las autoridades japonesas piensan mantener la base militar "
        "norteamericana., "
        "Senala asi el diario Rodong Sinmun en un comentario individual divulgado este miercoles."
    )
    got = _speakers("Base", body, "2011-01-05", lang="es")
    assert [n for _, _, n in got] == ["Rodong Sinmun"]


def test_a_date_closing_a_participle_phrase_and_the_speaker_after_a_delegations_head():
    # "The work, published on June 19, Juche 86 (1997), says": the date is no subject, the work is; "el jefe
    # de la delegacion de la RPDC pronuncio el discurso ... senalo el orador": the head of a delegation of a
    # body named after it is one holder (guidelines 2.3), so the speaker who made that speech is too
    body = (
        "The Nepali newspaper Arpan on June 3 carried the first part of General Secretary Kim Jong Il's work "
        '"On Preserving the Juche Character of the Revolution.",  The work, published on June 19, Juche 86 '
        "(1997), says that it is of fundamental significance in carving out the destiny of the masses."
    )
    assert [n for _, _, n in _speakers("Work Carried", body, "2011-06-10")] == ["Kim Jong Il"]
    body = (
        "En la reunion sostenida el 28 de septiembre, el jefe de la delegacion de la Republica Popular "
        "Democratica de Corea pronuncio el discurso., La realidad demanda al G-77 mantener la estrategia de "
        "unidad, senalo el orador y prosiguio:, , Lo mas importante es fortalecer la accion conjunta."
    )
    got = _speakers("G-77", body, "2012-10-02", lang="es")
    assert got and {k for _, k, _ in got} == {"named"}


def test_a_spanish_clause_opening_with_its_verb_after_a_name_in_commas():
    # "El parlamentario del Partido Democratico Liberal de Japon, Yamatani, ofrecio ... una conferencia de
    # prensa y dijo que": the clause before "y" opens with its verb; the name before its comma is the subject
    body = (
        "El parlamentario del Partido Democratico Liberal de Japon, Yamatani, ofrecio el 10 de mayo en "
        "Washington una conferencia de prensa y dijo que es posible que haya sido secuestrado un "
        "norteamericano."
    )
    assert [n for _, _, n in _speakers("Mentira", body, "2012-05-15", lang="es")] == ["Yamatani"]


def test_a_website_after_its_kind_a_cited_medium_and_a_broadcasting_service():
    # "posted on Chinese Internet website Xinlang": the name after its kind; "..., according to KBS of south
    # Korea. ... the organization said": the body the medium reports on, not the medium; "Sakirmata TV
    # Broadcasting Service of Nepal aired ... The broadcasting service said": that broadcaster, its name
    # without the place after it (guidelines 6)
    body = (
        'An article titled "We Wish the Korean People All the Best" was posted on Chinese Internet website '
        "Xinlang on Dec. 28 last year., The dear respected Kim Jong Un has looked after all affairs, the "
        "article "
        "said."
    )
    assert [n for _, _, n in _speakers("Good Fortune", body, "2012-01-03")] == ["Xinlang"]
    body = (
        "The Council for the Solution of the Issue of the Volunteers Corps of south Korea released a "
        "statement, "
        "according to KBS of south Korea.,  The authorities secretly approved the GSOMIA at a Cabinet "
        "meeting "
        "on June 26, the organization said."
    )
    got = [n for _, _, n in _speakers("GSOMIA", body, "2012-06-30")]
    assert got[-1] == "Council for the Solution of the Issue of the Volunteers Corps of south Korea"
    body = (
        "Sakirmata TV Broadcasting Service of Nepal aired a special program on November 2 and 3., , The "
        "relations between the DPRK and the U.S. have not yet been improved, the broadcasting service said."
    )
    assert [n for _, _, n in _speakers("Nepal's TV", body, "2011-11-11")] == [
        "Sakirmata TV Broadcasting Service"
    ]


def test_the_authorities_of_a_state_are_the_state():
    # "The present authorities of south Korea insisted": a state's authorities are the state (guidelines 6),
    # written with "of" as well as with the demonym
    body = (
        "The present authorities of south Korea insisted that they would not be the first to propose talks."
    )
    assert _speakers("Talks", body, "2011-09-17")[0][1:] == ("named", "South Korea")


def test_a_lower_case_body_named_before_with_what_it_belongs_to():
    # "at branch school in Nakhodka of Far Eastern State University ... The principal of the branch school
    # said": a body written in lower case, identified by what it is part of, then its one office-holder
    body = (
        "A presentation ceremony took place at branch school in Nakhodka of Far Eastern State University of "
        "Russia on April 4., ,  The principal of the branch school said in a speech that the books would "
        "contribute to the friendship."
    )
    assert [k for _, k, _ in _speakers("Books Presented", body, "2012-04-16")] == ["named"]


def test_the_head_of_a_delegation_led_by_a_person_and_a_spokesman_named_before():
    # "The delegation of Chinese publishers headed by Yan Xiaohong ... The head said:": the bare office is
    # the person the delegation is headed by; "the spokesman" after "spokesperson Tehmina Janjua said" is
    # that spokesperson (the pack's role synonyms)
    body = (
        "The delegation of Chinese publishers headed by Yan Xiaohong, vice director-general of the General "
        "Administration of Press and Publication of China, visited Mangyongdae., ,  They toured the relics., "
        ", The head said:, ,  It is our great honor to visit the old home."
    )
    assert _speakers("Delegation Visits", body, "2012-09-11")[-1][1:] == ("named", "Yan Xiaohong")
    body = (
        '"We want all issues to be resolved peacefully," Foreign Office spokesperson Tehmina Janjua said., '
        ", The U.S. military attack on Iran would wreck the regional peace, the spokesman added."
    )
    assert _speakers("Opposed in Pakistan", body, "2011-11-06")[-1][1:] == ("named", "Tehmina Janjua")


def test_a_paper_the_headline_makes_speak_is_the_editorial_no_sentence_introduces():
    # "S. Korean Paper Slams ...": "The south Korean newspaper Hangyore on Dec. 23 editorially lashed out
    # ... The editorial referred to": the paper the lead names, not KCNA's own voice
    body = (
        "The south Korean newspaper Hangyore on Dec. 23 editorially lashed out at the south Korean "
        "authorities for blocking condolatory visits to the north., ,  The editorial referred to the fact "
        "that an opposition party proposed on Dec. 22 to form a mourners' group., ,  It said that the "
        "council is an organization having competency enough."
    )
    got = _speakers("S. Korean Paper Slams for Blocking Condolatory Visits to North", body, "2011-12-25")
    assert [(k, n) for _, k, n in got] == [("named", "Hankyoreh")] * 2  # (KCNA's spelling, a pack alias)
    # a headline naming no paper keeps the medium's own voice when no sentence introduces the editorial (with
    # "editorially lashed out" one does: the paper's, session 19)
    got = _speakers("Condolatory Visits Blocked", body.replace(" editorially", ""), "2011-12-25")
    assert [k for _, k, _ in got] == ["self", "self"]
    got = _speakers("Condolatory Visits Blocked", body, "2011-12-25")
    assert [(k, n) for _, k, n in got] == [("named", "Hankyoreh")] * 2


def test_spanish_names_of_dprk_bodies_resolve_to_the_packs_entities():
    # pack data: "Comite Central del Partido del Trabajo de Corea" is the WPK Central Committee
    body = (
        "El Comite Central del Partido del Trabajo de Corea envio el dia 7 una carta al partido hermano., , "
        "La misiva senala que la amistad entre los dos partidos se fortalecera."
    )
    got = _quote_fields("Carta", body, "2012-11-08", ("speaker_kind", "speaker_entity"), "es")
    assert got == [("named", "wpk-cc")]


def test_fullwidth_forms_a_known_body_owned_by_another_and_a_body_opening_a_headline():
    # "ITAR－TASS" (a fullwidth hyphen, as the corpus writes it at times) is ITAR-TASS, and so is the "it"
    # after it
    body = (
        "ITAR－TASS on July 30 introduced the Pujon Revolutionary Battle Site.,  The secret camp on Mt. "
        "Okryon is one of them, it said."
    )
    got = _quote_fields("Battle Site Introduced", body, "2012-08-07", ("speaker_kind", "speaker_entity"))
    assert got == [("named", "itar-tass")]
    # "PNA's Ministry of Prisoners' Affairs": the ministry speaks, not the PNA the pack knows
    body = "The PNA's Ministry of Prisoners' Affairs said in a statement that the prisoners are on strike."
    got = _quote_fields("Prisoners", body, "2011-05-26", ("speaker_kind", "speaker_entity", "speaker_name"))
    assert got == [("named", None, "PNA's Ministry of Prisoners' Affairs")]
    # "KAPPC: Resumption of Tour Depends on S. Side's Attitude": a body the packs know, then its words
    got = _quote_fields(
        "KAPPC: Resumption of Tour Depends on S. Side's Attitude", "", "2010-03-04", ("speaker_entity",)
    )
    assert got == ["appc"]


def test_a_world_body_in_the_general_pack_and_the_organization_after_it():
    # pack data: "The Islamic Hamas movement ... the organization said" is Hamas
    body = (
        "The Islamic Hamas movement on Monday said Israel has no right to intervene., Israel tries to "
        "mislead the international public opinion from its crimes, the organization said."
    )
    got = _quote_fields("Hamas Statement", body, "2012-03-22", ("speaker_kind", "speaker_entity"))
    assert got == [("named", "hamas"), ("named", "hamas")]


def test_a_spanish_cue_then_a_phrase_then_que():
    # "Hyon Sang Ju, dijo en el informe que ...": the words after "que", as English "said in a speech that"
    body = (
        "El presidente del Comite Central de la Federacion General de los Sindicatos de Corea, Hyon Sang Ju, "
        "dijo en el informe que la obra del Presidente sirve de guia."
    )
    got = _quote_fields("Acto", body, "2011-12-13", ("text", "speaker_name"), "es")
    assert got == [("la obra del Presidente sirve de guia", "Hyon Sang Ju")]


def test_spanish_opening_phrases_are_no_subject():
    # "Recordando las hazanas del Presidente Kim Il Sung ... dijo que": a gerund's phrase with a name in it;
    # "En cuanto a las conversaciones RPDC-EE.UU., destaco que": a topic; "Al ver la palabra "De un tiron"
    # ..., dijo que": an infinitive's phrase (the packs' subjectless clauses): the one the story is about
    # speaks. "Tras ver la funcion la ciudadana Ri Wol Son (52 anos de edad) dijo": the name after the
    # phrase
    body = (
        "El Dirigente Kim Jong Il visito la unidad 1234., , Recordando las hazanas del Presidente Kim Il "
        "Sung "
        "impregnadas en la historia de la unidad dijo que la unidad pudo cumplir la mision., , En cuanto a "
        "las conversaciones RPDC-EE.UU., destaco que es invariable la posicion de la RPDC., , Al ver la "
        'palabra "De un tiron" esculpida en una pieza de granito, dijo que las generaciones venideras la '
        "conoceran., , Tras ver la funcion la ciudadana Ri Wol Son (52 anos de edad) dijo a la ACNC que los "
        "actores son excelentes."
    )
    got = _quote_fields("Visita", body, "2011-10-20", ("speaker_kind", "speaker_name"), "es")
    assert got == [("named", "Kim Jong Il")] * 3 + [("named", "Ri Wol Son")]


def test_a_participle_before_a_block_has_the_main_verbs_subject():
    # "X noted that the DPRK celebrated the Day of the Sun with splendor, adding:" and the block after it:
    # the participle's subject is the main verb's (X), not the reported clause's (the DPRK)
    body = (
        "Alhassan Mamman Muhammad, chairman of the Nigerian National Committee for the Study of the Juche "
        "Idea, noted that the DPRK celebrated the Day of the Sun with splendor, adding:, ,  I was fortunate "
        "to see the noble image of the President., , "
    )
    got = _speakers("Day of the Sun", body, "2012-05-11")
    assert [n for _, _, n in got] == ["Alhassan Mamman Muhammad"] * 2


def test_a_relative_clause_on_the_subject_and_a_clause_joined_by_and_then_an_adverb():
    # "the foreign minister who took part in the meeting ... said": the relative clause is on the subject;
    # "Park did not mention ... that spawned the nuclear issue ... and instead said": the sentence's subject
    # speaks; "Burchett in his travelogue highly praised the President as the leader who enjoyed ... and
    # wrote": the subject, past where he wrote
    body = (
        "Meanwhile, the foreign minister who took part in the strategic meeting held at the First BRICS "
        "Women's Forum said that the forum was important."
    )
    assert _speakers("Forum", body, "2024-10-03")[0][0] == "foreign minister"
    body = (
        "Park did not mention even a word about the crimes committed by the south Korean authorities that "
        "spawned the nuclear issue on the Korean Peninsula and instead said the north's access to nuclear "
        "is unacceptable."
    )
    assert _speakers("Park", body, "2012-03-03")[0][0] == "Park"
    body = (
        "Burchett in his travelogue highly praised the President as the great leader who enjoyed absolute "
        "support and trust of the Korean people and wrote that the DPRK turned into a rich and powerful "
        "country."
    )
    assert _speakers("Travelogue", body, "2012-07-22")[0][0] == "Burchett"


def test_a_verb_phrase_is_no_subject_the_noun_phrase_before_it_is():
    # "The work, made public on April 15, 2012 clarified that": the participle's phrase ends without its
    # comma; the work speaks, not "made public"
    body = (
        "The June issue of Italian magazine La Voce carried the full text of Kim Jong Un's work \"Let's "
        'Dynamically Struggle for a Final Victory".,  The work, made public on April 15, 2012 clarified '
        "that "
        "the 100-year history of Kim Il Sung's nation is a history of victory."
    )
    got = _quote_fields("Work Carried", body, "2012-06-20", ("speaker_text", "speaker_entity"))
    assert got == [("work", "kim-jong-un")]


def test_the_story_a_medium_prints_as_follows_gives_the_pronoun_after_it():
    # "The China News Service said as follows:" and the report it prints: the subjects of that report are
    # the story's, so "he said" after it is Kim Jong Un
    body = (
        "Foreign media reported the inspection.,  The China News Service said as follows:, ,  "
        "After seeing training facilities and horses, Kim Jong Un watched service personnel's training., , "
        " He personally rode a horse to learn about the course of riding., ,  If the training ground is "
        "rebuilt into a horse-riding club, it will attract lots of working people, he said."
    )
    got = _quote_fields("Training Ground", body, "2012-11-23", ("speaker_text", "speaker_entity"))
    assert got[-1] == ("he", "kim-jong-un")


def test_a_nationality_and_a_plural_noun_describe_no_name():
    # "American soldiers", "Pyongyang citizens": people described by a place or nationality and a plural
    # common noun are anonymous (guidelines 2.3); "Japanese authorities" are the state
    body = (
        "American soldiers said that they had been ordered to fire., Japanese authorities said that it was "
        "safe."
    )
    got = _quote_fields("Soldiers", body, "2012-07-11", ("speaker_kind", "speaker_entity"))
    assert got == [("anonymous", None), ("named", "jp")]


def test_a_day_before_a_subject_a_document_after_it_and_a_spokesmans_statement():
    # "On Saturday the Tokyo Electric Power Co. announced": the day is no part of the speaker; "William
    # Hague in the 2010 Human Rights and Democracy report said": nor is where he said it; "The statement of
    # a spokesman for the National Defence Commission warned": the spokesman's, anonymous (guidelines 2.3)
    body = "On Saturday the Tokyo Electric Power Co. announced that a crack was discovered in the pit."
    assert _speakers("Crack", body, "2011-04-05")[0][2] == "Tokyo Electric Power Co."
    body = (
        "British Foreign Secretary William Hague in the 2010 Human Rights and Democracy report said that "
        "the government was marred by corruption."
    )
    assert _speakers("Report", body, "2011-04-06")[0][1:] == ("named", "William Hague")
    body = (
        "The France-Korea Friendship Association issued a statement on March 1., ,  The statement of a "
        "spokesman for the National Defence Commission of the DPRK warned that the army would foil the moves."
    )
    assert _speakers("Statement", body, "2012-03-05")[-1][1] == "anonymous"


def test_what_carries_an_article_is_a_medium_named_without_its_place_or_kind():
    # "Paper Thongil published by Koreans in Uzbekistan carried": a medium, named without its kind word;
    # "The Baluchistan Times of Pakistan on July 20 carried": without its place (guidelines 6)
    body = (
        "Paper Thongil published by Koreans in Uzbekistan carried a special write-up on March 29., The paper "
        "carried news that a solemn national memorial service was held."
    )
    assert _speakers("Write-Up", body, "2012-04-03")[0][2] == "Thongil"


def test_a_spanish_inverted_cue_then_the_speaker_going_on_in_a_block():
    # "..., senalo Kim y continuo:" and the block after it: Kim goes on, not the words before the cue
    body = (
        "Kang Pan Sok fue ferviente patriota quien dedico todo lo suyo al movimiento independentista del "
        "pais, "
        "senalo Kim y continuo:, , Ella asesoro en todo lo posible las actividades revolucionarias de Kim "
        "Hyong Jik., , "
    )
    got = _quote_fields("Acto", body, "2012-07-31", ("speaker_text",), "es")
    assert got == ["Kim", "Kim"]


def test_an_impersonal_report_with_an_adverb_is_no_quote():
    # "It was recently reported that ...", "It was also disclosed that ...": no speaker in the text, no quote,
    # as "It was reported that ..."
    body = (
        "It was recently reported that the U.S. warmongers inducted MRAPs into their forces., It was also "
        "disclosed that the president gave an order on the matter."
    )
    assert _speakers("MRAP", body, "2012-08-01") == []


def test_the_spanish_informante_is_who_made_the_report():
    # "El informe de la ocasion estuvo a cargo de Kim Ki Nam, ... dijo el informante": who made the report,
    # as "A report was made by X ... the reporter said"
    body = (
        "Se celebro un acto central en el Palacio de Cultura del Pueblo., , El informe de la ocasion estuvo "
        "a "
        "cargo de Kim Ki Nam, miembro del Buro Politico del CC del PTC., , El inicio del trabajo del "
        "Dirigente "
        "en el CC del PTC fue un acontecimiento historico, dijo el informante."
    )
    got = _quote_fields("Acto", body, "2012-06-18", ("speaker_kind", "speaker_entity"), "es")
    assert got == [("named", "kim-ki-nam")]


def test_who_made_the_report_or_the_address_is_the_reporter_or_the_speaker():
    # "A report was made by Vice Marshal ... Ri Yong Ho ... The reporter said"; "X made an address ... the
    # speaker said"; "El discurso de descubrimiento estuvo a cargo de Kim Yong Nam ... El orador"
    body = (
        "A report was made by Vice Marshal of the Korean People's Army Ri Yong Ho, chief of the General "
        "Staff of the KPA., ,  The reporter said that the election was a historic event."
    )
    assert _speakers("Meeting", body, "2011-04-08")[0][2] == "Ri Yong Ho"
    body = (
        "Kim Yong Nam, president of the Presidium of the SPA, made an address at the ceremony., , It was the "
        "unanimous desire of the people to erect a statue, the speaker said."
    )
    assert _speakers("Ceremony", body, "2012-02-14")[0][2] == "Kim Yong Nam"
    body = (
        "El discurso de descubrimiento estuvo a cargo de Kim Yong Nam, presidente del Presidium de la "
        "Asamblea Popular Suprema., , El orador se refirio a que los Generalisimos dedicaron toda su vida al "
        "pueblo."
    )
    got = _quote_fields("Acto", body, "2012-10-11", ("speaker_entity",), "es")
    assert got == ["kim-yong-nam"]


def test_a_name_with_a_lower_case_particle_before_a_persons_role_is_a_person():
    # "Alejandro Cao de Benos, chairman of the Korean Friendship Association ..." and the "he" after it;
    # not "Departamento de Estado" after a Spanish article, nor a place ("Estado de Palestina")
    doc = Document.create(
        "KCNA",
        "2011-10-15",
        "Anniversary of WPK Observed by KFA",
        "Alejandro Cao de Benos, chairman of the Korean Friendship Association headquartered in Spain, "
        "issued "
        "a statement on Oct. 6., , Saying that the glorious history of the WPK is recorded with the feats of "
        "President Kim Il Sung, he went on:, , The flag of the WPK is dyed with the blood of the martyrs., "
        ", ",
    )
    facts = Pipeline()(doc)
    assert ("Alejandro Cao de Benos", "PERSON") in [(m.text, m.label) for m in facts["mention"]]
    assert [q.speaker_name for q in facts["quote"]] == ["Alejandro Cao de Benos"] * 2
    doc = Document.create(
        "KCNA",
        "2011-05-11",
        "Cable",
        "The cable was sent to the State Department., It went al Departamento "
        "de Estado, ministro jefe of the cabinet said.",
    )
    assert all(m.label != "PERSON" for m in Pipeline()(doc)["mention"])


def test_a_known_person_by_the_surname_alone_after_the_full_name():
    # "Lee Myung Bak ... In the article Lee talked about ... He said": the surname alone is the person the
    # packs know, named in full before; not in "the Lee group"
    doc = Document.create(
        "KCNA",
        "2012-03-16",
        "Nationality of Lee Myung Bak Is Doubtful",
        "The commentary said that Lee Myung Bak of south Korea contributed an article to the Japanese "
        "newspaper "
        "Asahi Shimbun., ,  In the article Lee talked about friendship with Japan. He said he would render "
        "support to Japan., ,  The Lee group is isolated.",
    )
    facts = Pipeline()(doc)
    short = [(m.text, m.entity) for m in facts["mention"] if m.method == "short"]
    assert short == [("Lee", "lee-myung-bak")]
    assert [q.speaker_entity for q in facts["quote"] if q.speaker_text == "He"] == ["lee-myung-bak"]


def test_a_state_form_after_a_capitalised_word_is_the_tail_of_a_longer_name():
    # "The Young Electorates Federation of south Korea": a body, not the state form "Federation of south
    # Korea" (so "it" later is that body); "Veralcruz State of Mexico" is Mexico's state, Mexico the place
    doc = Document.create(
        "KCNA",
        "2012-08-10",
        "Japan's Apology for Sexual Slavery Urged in S. Korea",
        "The Young Electorates Federation of south Korea Thursday held a press conference in Seoul urging "
        "Japan to make apology.,  The organization blamed the Japanese government for its past crimes., ,  "
        "The south Korean regime, too, should positively opt for settling the issue, it noted.",
    )
    facts = Pipeline()(doc)
    assert ("Young Electorates Federation of south Korea", "ORG") in [
        (m.text, m.label) for m in facts["mention"]
    ]
    assert [q.speaker_name for q in facts["quote"]] == ["Young Electorates Federation of south Korea"]
    doc = Document.create(
        "KCNA",
        "2011-04-11",
        "Earthquake Hits Mexico",
        "A 6.7 magnitude earthquake jolted Veralcruz State of "
        "Mexico on Thursday. The Bolivar Republic of Venezuela sent aid.",
    )
    places = [(m.text, m.entity) for m in Pipeline()(doc)["mention"] if m.label == "PLACE"]
    assert ("Mexico", "mx") in places and ("Bolivar Republic of Venezuela", "ve") in places


def test_a_capitalised_run_stops_before_on_and_a_date():
    # "The Pakistan-Korea Friendship Association on July 1 issued": the run is the body's name, not one
    # with "on July" that no name finder takes (which left "Friendship Association" alone)
    doc = Document.create(
        "KCNA",
        "2012-07-02",
        "Bulletin Issued",
        "The Pakistan-Korea Friendship Association on July 1 issued a bulletin. The bulletin said that the "
        "DPRK is strong.",
    )
    facts = Pipeline()(doc)
    assert ("Pakistan-Korea Friendship Association", "ORG") in [(m.text, m.label) for m in facts["mention"]]
    assert all(m.text != "Friendship Association" for m in facts["mention"])


def test_a_known_medium_with_a_word_of_its_service_after_it():
    # "Kyodo News Service", "CNN TV", "Xinhua Network": the whole name, the medium the packs know; but a
    # paper's word after a stem makes another paper ("Chosun Sinbo" is not the Chosun Ilbo)
    doc = Document.create(
        "KCNA",
        "2012-11-05",
        "Media",
        "Xinhua Network, People's Network and other Internet homepages in China said that Kim Jong Un "
        "watched a match. Kyodo News Service on June 14 said that Japan is bad. Chosun Sinbo said that the "
        "DPRK is strong.",
    )
    facts = Pipeline()(doc)
    got = {m.text: m.entity for m in facts["mention"] if m.label == "ORG"}
    assert got["Xinhua Network"] == "xinhua" and got["Kyodo News Service"] == "kyodo"
    assert got.get("Chosun Sinbo") is None
    assert [q.speaker_entity for q in facts["quote"]][:2] == ["xinhua", "kyodo"]


def test_said_and_went_on_without_a_comma():
    # "..., the message said and went on:": who said it goes on (as after "said, and went on:"), not a
    # speaker "message said and"
    doc = Document.create(
        "KCNA",
        "2024-05-30",
        "Congratulations to Smeltery",
        "The WPK Central Committee sent a message of greetings to the smeltery.\n"
        "The smeltery is being carried forward by the younger generation, the message said and went on:\n"
        "The smeltery has over-fulfilled the national economic plans every year.",
    )
    got = [(q.speaker_text, q.speaker_kind) for q in Pipeline()(doc)["quote"] if q.cue == "went on"]
    assert got == [("message", "named")]


def test_an_inverted_cue_then_a_name_in_a_document():
    # "..., observes Rodong Sinmun Monday in a bylined article dedicated to the Day of the UN. ... the article
    # says": the paper after the cue wrote the article, not the UN of the "If the UN ..." clause
    doc = Document.create(
        "KCNA",
        "2011-10-24",
        "Rodong Sinmun Calls for Democratic Reform of UN",
        "If the United Nations is to increase its leading role in settling global problems it is necessary "
        "to carry out democratic reforms of it, observes Rodong Sinmun Monday in a bylined article dedicated "
        "to the Day of the UN. , ,  The UN should be reformed in such a way as to fully ensure democracy, "
        "the article says.",
    )
    got = [(q.speaker_text, q.speaker_entity) for q in Pipeline()(doc)["quote"] if q.cue == "says"]
    assert got == [("article", "rodong-sinmun")]


def test_a_participle_phrase_on_the_subject_and_a_country_representative():
    # "The U.S. representative speaking at the Board of Governors' meeting ... said": the subject is the
    # representative (a participle's phrase on it is no part of it), a country's one holder of that office at
    # the meeting, unnamed (guidelines 2.3), and so is the "He" after it; "an old man living in Wonsan" stays
    # anonymous, but not "the committee for commemorating ..." cut at its gerund
    doc = Document.create(
        "KCNA",
        "2012-10-02",
        "U.S. Intention Revealed",
        "The U.S. representative speaking at the Board of Governors' meeting of the International Atomic "
        "Energy Agency said north Korea announced that it will review its nuclear policy. He even said north "
        "Korea can never be recognized as a nuclear weapons state. An old man living in Wonsan said that he "
        "was happy.",
    )
    got = [(q.speaker_text, q.speaker_kind) for q in Pipeline()(doc)["quote"]]
    assert got == [("U.S. representative", "named"), ("He", "named"), ("old man", "anonymous")]


def test_a_month_and_a_day_opening_a_body_s_name():
    # "The April 25 Sports Team", "The June 15 All-Korean Committee": the date names the body (it was cut,
    # leaving "Sports Team" or nothing); but "On July 9 the Intelligence Service said" opens with a date, and
    # "the April 25 Hotel Kim Yong Hui" is a hotel, then a person
    doc = Document.create(
        "KCNA",
        "2012-07-02",
        "Teams",
        "The April 25 Sports Team won the game. The June 15 All-Korean Committee issued a statement. On July "
        "9 the Intelligence Service said it was ready. A waitress of the April 25 Hotel Kim Yong Hui said "
        "that she was happy.",
    )
    got = [(m.text, m.label) for m in Pipeline()(doc)["mention"]]
    assert ("April 25 Sports Team", "ORG") in got and ("June 15 All-Korean Committee", "ORG") in got
    assert not any(t.startswith("July 9") for t, _ in got) and ("Kim Yong Hui", "PERSON") in got


def test_a_known_name_with_a_possessive_inside_a_body_s_name():
    # "The Pakistan Committee for Supporting Korea's Reunification": one body (the possessive "Korea's" is
    # inside what it is "for"); "Syria's Baath Arab Socialist Party" is Syria and the party
    doc = Document.create(
        "KCNA",
        "2012-07-02",
        "Statement",
        "The Pakistan Committee for Supporting Korea's Reunification issued a statement on Monday. The "
        "statement said that the DPRK is strong. Syria's Baath Arab Socialist Party sent a message.",
    )
    got = [(m.text, m.label) for m in Pipeline()(doc)["mention"]]
    assert ("Pakistan Committee for Supporting Korea's Reunification", "ORG") in got
    assert ("Syria", "PLACE") in got


def test_he_with_no_subject_to_go_by_is_no_name_a_preposition_governs():
    # "ChairmanKim Jong Ilvisited the then Hwanghae Iron Works in company with PresidentKim Il Sung. He went
    # round ... he told ...": no subject is found (the glued names), and of the people the last sentence
    # names the "he" is the first no preposition governs, not the last named; likewise "Ashton Carter ...
    # met Kim Kwan Jin ... and Kim Song Hwan ... He explained"
    doc = Document.create(
        "KCNA",
        "2012-01-10",
        "Love for Workers",
        "One day in May Juche 55 (1966) ChairmanKim Jong Ilvisited the then Hwanghae Iron Works in company "
        "with PresidentKim Il Sung.\nHe went round various places of the iron works.\nThen he earnestly told "
        "the accompanying officials that the process is useless if it is harmful to the health of smelters.",
    )
    assert [q.speaker_entity for q in Pipeline()(doc)["quote"]] == ["kim-jong-il"]


def test_a_name_in_what_the_paper_says_is_not_the_paper():
    # "The 48th issue of the Russian paper Patriot carried ... the paper said. Conveying ..., the paper
    # introduced in detail that the woman commander of Mt. Paektu fully ensured ... it noted": the "it" is
    # the paper, not a name inside the clause the paper introduced
    doc = Document.create(
        "KCNA",
        "2011-12-29",
        "Kim Jong Suk Remembered",
        'The 48th issue of the Russian paper Patriot carried an article titled "Song of revolution".\n'
        "Though Kim Jong Suk passed away too early, her life is shining like a star, the paper said.\n"
        "Conveying the words of President Kim Il Sung that Kim Jong Suk dedicated all her life to comrades, "
        "the paper introduced in detail that the woman commander of Mt. Paektu fully ensured the safety of "
        "Kim Il Sung with her intense loyalty.\nBrief as her life was, her life goes down in history as an "
        "excellent song of revolution and love, it noted.",
    )
    assert [q.speaker_name for q in Pipeline()(doc)["quote"]] == ["Patriot", "Patriot"]


def test_a_place_after_a_name_and_a_comma_is_where_the_subject_is():
    # "Lai Ruiqin, general director of Kai Lui Co. Ltd., China, said", "The mayor of Campinas City, Sao Paulo
    # State, Brazil noted": the place after the comma qualifies the name before it; not after an opening
    # phrase or a connective ("Despite frantic aid from south Korea, Japan has", "Nevertheless, Japan"),
    # nor a name ending in a country's name ("..., Salvador France, told")
    doc = Document.create(
        "KCNA",
        "2012-05-15",
        "Visitors",
        "Lai Ruiqin, general director of Kai Lui Co. Ltd., China, said that the President devoted his all to "
        "the country.\nThe mayor of Campinas City, Sao Paulo State, Brazil noted that the idea is great.\n"
        "Despite frantic aid from south Korea, Japan has kept insisting that the islets are its own.\n"
        "Nevertheless, Japan asserted that the islets are its own.\nThe vice president of the Association "
        "of Pamalakaya Fishermen, Salvador France, told local media that the Pentagon wants a base.",
    )
    got = [(q.speaker_text, q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]]
    assert got[0] == ("Lai Ruiqin", "named", "Lai Ruiqin")
    assert got[1] == ("mayor of Campinas City, Sao Paulo State, Brazil", "named", None)
    assert [g[2] for g in got[2:4]] == ["Japan", "Japan"]
    assert got[4][2] == "Salvador France"


def test_a_general_director_of_a_body_the_text_names_is_its_one_holder():
    # "The general director of the Dombo Enterprise Company of Malaysia said ... he said": one holder,
    # unnamed (guidelines 2.3); "The general director of a company" is not identified; "general secretary"
    # of another party is not General Secretary Kim Jong Il
    doc = Document.create(
        "KCNA",
        "2012-07-30",
        "Visitors",
        "General Secretary Kim Jong Il visited the factory.\nThe general director of the Dombo Enterprise "
        "Company of Malaysia said that the DPRK is strong. The country will prosper, he said.\nThe general "
        "director of a company said that the answers were clear.\nThe general secretary of the Unified "
        "Communist Party of Italy said that the Korean people are united.",
    )
    got = [(q.speaker_kind, q.speaker_entity) for q in Pipeline()(doc)["quote"]]
    assert got == [("named", None), ("named", None), ("anonymous", None), ("named", None)]


def test_a_document_of_an_issuer_described_by_an_adjective():
    # "according to a report of the semi-official Anatolia news agency ... said the report": the report
    # speaks for the agency (guidelines 2.3), the adjective before its name is no part of it
    doc = Document.create(
        "KCNA",
        "2011-10-28",
        "Drug Smuggling in Turkey",
        "Turkish police on Monday seized 163 kilograms of heroin, according to a report of the semi-official "
        "Anatolia news agency. The haul was seized in two separate operations, said the report.",
    )
    got = [(q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]]
    assert got == [("named", "Anatolia news agency")] * 2


def test_a_body_s_name_keeps_a_place_in_a_wider_place():
    # "The Association for the Study of Songun Politics in Mariupol City of Ukraine issued a statement. It
    # said": the body's name keeps its place (guidelines 6), a city the packs do not know in a country they do
    doc = Document.create(
        "KCNA",
        "2011-12-30",
        "Statement",
        "The Association for the Study of Songun Politics in Mariupol City of Ukraine issued a statement on "
        "Oct. 28. It said that the DPRK is strong.",
    )
    got = [q.speaker_name for q in Pipeline()(doc)["quote"]]
    assert got == ["Association for the Study of Songun Politics in Mariupol City of Ukraine"]


def test_the_reporter_named_with_a_long_appositive_or_after_report_of():
    # "X, general secretary of the ... Juche Idea and Songun Policy in ... Regions, made a report ... The
    # reporter and speakers said": the first conjunct is X, whatever "and" the body's name holds; "A report
    # of Ro Song Sil, chairwoman of ..., was followed by speeches": the reporter is Ro Song Sil
    seminar = Document.create(
        "KCNA",
        "2011-06-13",
        "Seminar Held",
        "A seminar took place in Sankt-Petersburg on June 4.\nMikhail Panchenko, general secretary of the "
        "International Alliance of Societies for the Study of the Juche Idea and Songun Policy in East "
        "European and Central Asian Regions, made a report at the seminar.\nThe reporter and speakers said "
        "that Kim Il Sung is the great leader.",
    )
    meeting = Document.create(
        "KCNA",
        "2011-03-10",
        "Meeting Held",
        "A meeting was held here on Thursday.\nA report of Ro Song Sil, chairwoman of the Central Committee "
        "of the union, was followed by speeches.\nThe reporter and speakers said that the women's union has "
        "an important task.",
    )
    got = [q.speaker_name for doc in (seminar, meeting) for q in Pipeline()(doc)["quote"]]
    assert got == ["Mikhail Panchenko", "Ro Song Sil"]


def test_a_name_stops_before_a_day_and_its_verb():
    # "The United Confederation of Koreans in Russia Tuesday held", "Prime Minister Manmohan Singh Tuesday
    # said": the day is no part of the name
    doc = Document.create(
        "KCNA",
        "2011-12-25",
        "Meeting",
        "The United Confederation of Koreans in Russia Tuesday held an urgent meeting. Prime Minister "
        "Manmohan Singh Tuesday said that the talks went well.",
    )
    got = [m.text for m in Pipeline()(doc)["mention"]]
    assert "United Confederation of Koreans in Russia" in got and "Manmohan Singh" in got


def test_a_company_s_suffix_heads_its_name_and_a_medium_s_owner_drops_its_place():
    # "Phoenix Satellite TV Holdings LTD of Hong Kong, China ... aired a program ... It said": "Ltd",
    # "Inc", "Holdings" head a company's name; one that owns a broadcaster speaks as a medium, without the
    # place after it (guidelines 6)
    doc = Document.create(
        "KCNA",
        "2011-11-07",
        "Chinese TV Introduces DPRK",
        "Phoenix Satellite TV Holdings LTD of Hong Kong, China Tuesday aired a program introducing the DPRK. "
        "It said that Mangyongdae is beautiful.",
    )
    assert [q.speaker_name for q in Pipeline()(doc)["quote"]] == ["Phoenix Satellite TV Holdings LTD"]


def test_a_name_that_ends_as_a_demonym_after_a_title_of_a_department():
    # "Lebanese Minister of Energy and Water Resources Gebran Bassil ... The minister termed it ... he
    # declared": "Gebran" only ends as a demonym does (no state's name opens with "Gebr"), so the words after
    # the department are the minister's name; the "and" inside the title is no clause
    doc = Document.create(
        "KCNA",
        "2011-07-26",
        "Lebanon Condemns Israel",
        "Lebanese Minister of Energy and Water Resources Gebran Bassil at a press conference Friday "
        "condemned Israel. The minister termed it illegal. The government would mobilize all means, he "
        "declared.",
    )
    facts = Pipeline()(doc)
    assert ("Gebran Bassil", "PERSON") in [(m.text, m.label) for m in facts["mention"]]
    assert [q.speaker_name for q in facts["quote"]] == ["Gebran Bassil"]


def test_a_paper_s_name_drops_south_korea_after_it():
    # "Seoul Shinmun of south Korea ... it said": "Shinmun" is a paper's word, and a medium's name drops the
    # place after it, "south Korea" written in lower case too (guidelines 6)
    doc = Document.create(
        "KCNA",
        "2011-09-10",
        "Paper",
        "Seoul Shinmun of south Korea in an editorial on Thursday denounced the authorities. The authorities "
        "should stop the suppression, it said.",
    )
    assert [q.speaker_name for q in Pipeline()(doc)["quote"]] == ["Seoul Shinmun"]


def test_where_a_body_is_based_is_no_part_of_its_name():
    # "a quarterly survey released by Geneva-based World Economic Forum (WEF)": the survey speaks for the
    # forum ("Forum" heads a body's name), not for Geneva; "New York-based Conference Board" is the board
    doc = Document.create(
        "KCNA",
        "2011-11-19",
        "Experts Pessimistic",
        "A majority of experts remain pessimistic over global economic outlook, according to a quarterly "
        "survey released by Geneva-based World Economic Forum (WEF) on Wednesday.",
    )
    facts = Pipeline()(doc)
    assert ("World Economic Forum", "ORG") in [(m.text, m.label) for m in facts["mention"]]
    assert [(q.speaker_kind, q.speaker_name) for q in facts["quote"]] == [("named", "World Economic Forum")]


def test_a_capitalised_word_ending_in_ly_is_no_adverb_before_the_cue():
    # "..., the Jordanian House of Deputies of National Assembly said in a statement": "Assembly" ends the
    # name; only a lower-case word in -ly is an adverb between the speaker and the cue
    doc = Document.create(
        "KCNA",
        "2011-03-02",
        "Veto Censured",
        "The U.S. veto clearly showed discord between its words and actions, the Jordanian House of Deputies "
        "of National Assembly said in a statement.",
    )
    got = [q.speaker_text for q in Pipeline()(doc)["quote"]]
    assert got == ["Jordanian House of Deputies of National Assembly"]


def test_an_issue_of_a_periodical_speaks_as_the_periodical():
    # "The July 25 issue of Indian and World Event said": the periodical, not its issue
    doc = Document.create(
        "KCNA",
        "2012-08-06",
        "Papers",
        "The July 25 issue of Indian and World Event said that the DPRK is a powerful country.",
    )
    assert [q.speaker_name for q in Pipeline()(doc)["quote"]] == ["Indian and World Event"]


def test_issuers_described_by_their_place_or_nationality():
    # "The British branch of the Korean Friendship Association made public a statement", "The Kenyan
    # government in a recent statement", "The south Korean Solidarity for Democracy, ... issued a statement":
    # the statement speaks for them (a branch named with its place; a state's government by the state's name;
    # a body's name after "south Korean")
    texts = [
        "The British branch of the Korean Friendship Association made public a statement on August 25. Kim "
        "Jong Il started the Songun leadership, the statement said.",
        "The Kenyan government in a recent statement chided the western countries. Western countries issued "
        "travel advisories, the statement said.",
        "The south Korean Solidarity for Democracy, People's Life, Peaceful Reunification and Sovereignty on "
        'June 1 issued a statement titled "The United States, apologize".\nThe statement said that the U.S. '
        "forces buried toxic chemicals.",
    ]
    got = [
        q.speaker_name
        for t in texts
        for q in Pipeline()(Document.create("KCNA", "2012-09-02", "Statement", t))["quote"]
    ]
    assert got == [
        "British branch of the Korean Friendship Association",
        "Government of Kenya",
        "Solidarity for Democracy, People's Life, Peaceful Reunification and Sovereignty",
    ]


def test_a_body_s_name_opening_with_a_word_for_people_issues_a_document():
    # "The Youth and Students Solidarity for Implementing the June 15 Joint Declaration in south Korea in a
    # statement ... the statement noted": a capitalised body's name, though "Youth" alone is a group of people
    doc = Document.create(
        "KCNA",
        "2011-03-23",
        "Statement",
        "The Youth and Students Solidarity for Implementing the June 15 Joint Declaration in south Korea in "
        "a statement on March 19 denounced the authorities.\nThe registration fee jumped at universities, "
        "the statement noted.",
    )
    assert [q.speaker_name for q in Pipeline()(doc)["quote"]] == [
        "Youth and Students Solidarity for Implementing the June 15 Joint Declaration in south Korea"
    ]


def test_the_full_text_of_a_document_and_a_paper_s_own_commentator():
    # "The full text of the letter reads:" is the letter, its sender speaking; "Rodong Sinmun Friday in an
    # article written by a military commentator discloses ..., the article goes on" is the paper's own voice
    letter = Document.create(
        "Rodong Sinmun",
        "2022-02-10",
        "Letter",
        "Kim Jong Un sent a letter to those attending the short course on February 8.\nThe full text of the "
        "letter reads:\nAmid all the sectors of socialist construction seething with enthusiasm, we go on.",
    )
    article = Document.create(
        "KCNA",
        "2012-11-23",
        "Commentator",
        "Rodong Sinmun Friday in an article written by a military commentator discloses the aim of the "
        "regime.\nTwo years have passed since the incident, the article says.",
    )
    got = [(q.speaker_kind, q.speaker_entity) for d in (letter, article) for q in Pipeline()(d)["quote"]]
    assert got == [("named", "kim-jong-un"), ("self", "rodong-sinmun")]


def test_a_medium_that_made_a_report_is_the_it_after_it():
    # "Voice of Russia on March 24 made a report titled ... The Koryo Medicine Center is one of oriental
    # medicine hospitals built in Russia, it said": the broadcaster (general pack), reporting
    doc = Document.create(
        "KCNA",
        "2012-03-30",
        "Koryo Medicine",
        'Voice of Russia on March 24 made a report titled "Koryo medicine helps retain youthfulness".\nThe '
        "Koryo Medicine Center is one of oriental medicine hospitals built in Russia, it said.",
    )
    got = [(q.speaker_entity, q.speaker_name) for q in Pipeline()(doc)["quote"]]
    assert got == [("voice-of-russia", "Voice of Russia")]


def test_an_inverted_document_of_a_paper_and_a_day_ending_a_sentence():
    # "..., says a bylined commentary of DPRK major paper Rodong Sinmun Friday. It says:": the paper's own
    # commentary speaks, inverted after the cue; the day ending the sentence is no part of the paper's name
    doc = Document.create(
        "KCNA",
        "2011-10-21",
        "Commentary",
        "His remarks are indicative of his intention not to make a switchover in his policy, says a bylined "
        "commentary of DPRK major paper Rodong Sinmun Friday.\nIt says:\nPrior to his speech, the secretary "
        "made a remark.",
    )
    facts = Pipeline()(doc)
    assert ("Rodong Sinmun", "rodong-sinmun") in [(m.text, m.entity) for m in facts["mention"]]
    assert [(q.speaker_kind, q.speaker_entity) for q in facts["quote"]] == [("self", "rodong-sinmun")] * 2


def test_the_organization_is_a_body_no_pack_knows_acting_before():
    # "The Solidarity for Progress of south Korea denounced the authorities ... It held a press conference
    # ... the organization said": the body opening a sentence before, acting, though no head word marks it
    doc = Document.create(
        "KCNA",
        "2011-01-25",
        "Sentence Denounced",
        "The Solidarity for Progress of south Korea denounced the authorities for sentencing Rev. Han Sang "
        "Ryol. It held a press conference on Jan. 21.\nHis visit can never be incriminated, the organization "
        "said.",
    )
    got = [q.speaker_name for q in Pipeline()(doc)["quote"]]
    assert got == ["Solidarity for Progress of south Korea"]


def test_organizations_that_issued_a_joint_statement_then_listed():
    # "Organizations in Nepal issued a joint statement ... They are the Committee for Supporting the
    # Reunification of Korea, ...": the statement speaks as the first body listed (guidelines 2.2)
    doc = Document.create(
        "KCNA",
        "2011-03-11",
        "Nepalese Organizations",
        "Organizations in Nepal issued a joint statement on March 5 demanding the U.S. stop its exercises.\n"
        "They are the Committee for Supporting the Reunification of Korea, Committee for Promotion of "
        "Reunification of Korea and the Press Club.\nWe express concern over the situation, the statement "
        "said.",
    )
    got = [q.speaker_name for q in Pipeline()(doc)["quote"]]
    assert got == ["Committee for Supporting the Reunification of Korea"]


def test_it_after_a_state_s_government_or_a_body_that_sneered():
    # "The Russian government expressed concern ... It also warned that": the state's government acting;
    # "The Solidarity for ... in south Korea in a commentary on Monday sneered at ... it said": the body
    docs = [
        "The Russian government expressed concern several times over the moves.\nIt also warned that the "
        "U.S. should stop the project.",
        "The Solidarity for Democracy and Sovereignty in south Korea in a commentary on Monday sneered at "
        "the government.\nThe government is now intensifying the repression, it said.",
    ]
    got = [
        q.speaker_name
        for t in docs
        for q in Pipeline()(Document.create("KCNA", "2011-11-30", "Report", t))["quote"]
    ]
    assert got == ["Government of Russia", "Solidarity for Democracy and Sovereignty in south Korea"]


def test_a_fullwidth_dash_joins_a_name_as_a_hyphen_does():
    # "The All－China Youth Federation and the All-China Students' Federation recently released a joint
    # statement. The statement said": "－" (U+FF0D) inside a name, as KCNA sometimes writes the hyphen
    doc = Document.create(
        "KCNA",
        "2012-09-19",
        "Statement",
        "The All－China Youth Federation and the All-China Students' Federation recently released a joint "
        "statement condemning the Japanese authorities.\nThe statement said Japan's allegation stemmed from "
        "its oblivion.",
    )
    facts = Pipeline()(doc)
    assert "All－China Youth Federation" in [m.text for m in facts["mention"]]
    assert [q.speaker_name for q in facts["quote"]] == ["All－China Youth Federation"]


def test_connectives_and_prepositions_opening_a_sentence_are_no_speakers():
    # "Nevertheless, the Ministry of Unification claimed that": the subject after the connective; "Prior to
    # the demonstration they made public a declaration. It accused": "Prior" is no body's name; Spanish
    # "Se dice que" (it is said) names nobody
    docs = [
        "Nevertheless, the Ministry of Unification claimed that the contact was not possible.",
        "Prior to the demonstration they made public a declaration.\nIt accused the regime of revealing its "
        "true colors.",
    ]
    got = [
        q.speaker_name
        for t in docs
        for q in Pipeline()(Document.create("KCNA", "2011-03-15", "Report", t))["quote"]
    ]
    assert "Nevertheless" not in got and "Prior" not in got
    es = Document.create(
        "KCNA",
        "2011-01-28",
        "Japon",
        "Se dice que en esa licitacion tomaran parte varias corporaciones.",
        lang="es",
    )
    assert [q.speaker_name for q in Pipeline()(es)["quote"]] in ([], [None])


def test_a_relative_clause_after_an_appositive_and_a_bare_national_office():
    # "Yim Nolla, senior minister of Cambodia, who visited the DPRK said": the name before the appositive and
    # the relative clause; "Kuwaiti defense minister said Sunday ...": a country's office opening a sentence
    # without an article is its one holder, unnamed (guidelines 2.3)
    docs = [
        "Yim Nolla, senior minister of Cambodia, who visited the DPRK said that the relations have an "
        "excellent tradition.\nThe relations were forged by the leaders, he said.",
        "Kuwaiti defense minister said Sunday the United States would not beef up military presence in "
        "Kuwait.",
    ]
    got = [
        (q.speaker_kind, q.speaker_name)
        for t in docs
        for q in Pipeline()(Document.create("KCNA", "2012-07-11", "Report", t))["quote"]
    ]
    assert got == [("named", "Yim Nolla"), ("named", "Yim Nolla"), ("named", None)]


def test_a_country_s_possessive_before_its_office():
    # "..., Venezuela's oil minister said ... He said": a country's office one person holds (guidelines 2.3),
    # definite through the possessive; a deputy's office is not one person's
    docs = [
        "OPEC will not get involved in the standoff, Venezuela's oil minister said on Monday.\nHe said the "
        "sanctions are causing instability.",
        "Japan's deputy foreign minister said on Monday that OPEC will not get involved.",
    ]
    got = [
        (q.speaker_kind, q.speaker_name)
        for t in docs
        for q in Pipeline()(Document.create("KCNA", "2012-01-19", "Report", t))["quote"]
    ]
    assert got == [("named", None), ("named", None), ("anonymous", None)]


def test_a_noun_in_ing_after_a_possessive_is_no_cue():
    # "Saeb Erekat ... rebuffed the U.S. House of Representatives' warning. ... "The decision is rejected,"
    # he said": "warning" after a possessive is a noun, no cue making the sentence a quote; the "he" is
    # Erekat
    doc = Document.create(
        "KCNA",
        "2011-07-12",
        "Palestinians Rebuff Warning",
        "Saeb Erekat, member of the Executive Committee of the Palestine Liberation Organization, in a press "
        "interview on July 8 rebuffed the U.S. House of Representatives' warning.\nThe House adopted a "
        'decision on July 7.\n"The decision is rejected," he said.',
    )
    got = [(q.cue, q.speaker_name) for q in Pipeline()(doc)["quote"]]
    assert got == [("said", "Saeb Erekat")]


def test_a_nationality_the_endings_miss_before_an_office():
    # "The Kazakh prime minister said ... he said": "Kazakh" is a country's (Kazakhstan) though it ends as no
    # demonym pattern does; the office is that country's one holder, unnamed (guidelines 2.3)
    doc = Document.create(
        "KCNA",
        "2011-04-05",
        "Kazakh PM",
        "The Kazakh prime minister said that the developments should be seen as an important lesson.\nThe "
        "matters depend on the development of technology, he said.",
    )
    got = [(q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]]
    assert got == [("named", None), ("named", None)]


def test_a_hyphenated_title_written_in_lower_case_after_the_hyphen():
    # "Vice-chairman of the National Committee of the Chinese People's Political Consultative Conference Zheng
    # Wantong, addressing ..., called for ... He said": "Vice-chairman" is the title "Vice-Chairman", so the
    # words after the body are his name (not in a Title Case headline)
    doc = Document.create(
        "KCNA",
        "2011-05-18",
        "Respect for Sovereignty",
        "Vice-chairman of the National Committee of the Chinese People's Political Consultative Conference "
        "Zheng Wantong, addressing a recent meeting of UN, called for respect for the sovereignty.\nHe said "
        "that all countries should achieve goals of sustainable development.",
    )
    facts = Pipeline()(doc)
    assert ("Zheng Wantong", "PERSON") in [(m.text, m.label) for m in facts["mention"]]
    assert [q.speaker_name for q in facts["quote"]] == ["Zheng Wantong"]


def test_a_white_paper_speaks_for_its_issuer_not_a_newspaper():
    # "The National Reunification Institute issued a white paper ... The white paper said": "paper" here is a
    # document its issuer published (guidelines 2.3), not a newspaper to look for
    doc = Document.create(
        "KCNA",
        "2011-03-09",
        "Truth Disclosed",
        "The National Reunification Institute issued a white paper on March 8 bringing to light the truth "
        "behind the joint military exercises.\nThe white paper said:\nThe joint military exercises are "
        "war exercises aimed at a surprise attack.",
    )
    got = [(q.speaker_text, q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]]
    assert got == [("white paper", "named", "National Reunification Institute")]


def test_a_report_released_on_a_day_by_its_issuer():
    # "according to a report released on Monday by its Public Security Institute": the day between the verb
    # and "by" and the "its" before the name do not hide the issuer
    doc = Document.create(
        "KCNA",
        "2011-05-20",
        "Crimes Fall",
        "Brazil's Rio de Janeiro state recorded in March the lowest murder rate in 20 years, according to a "
        "report released on Monday by its Public Security Institute.",
    )
    got = [(q.speaker_kind, q.speaker_name) for q in Pipeline()(doc)["quote"]]
    assert got == [("named", "Public Security Institute")]


def test_they_in_the_message_are_its_senders():
    # "received a joint condolence message from X, ..., and Y, .... In the message they expressed ...": the
    # senders, the first of them (guidelines 2.2); a plural noun subject ("Superintendents of education ...
    # released a joint resolution") stays a group
    doc = Document.create(
        "KCNA",
        "2011-12-27",
        "Condolatory Messages",
        "Kim Jong Un received a joint condolence message from Oliviero Diliverto, general secretary of the "
        "Communist Party of Italy, and Fausto Sorini, member of the National Leadership of the Party, on "
        "Dec. "
        "20.\nIn the message they expressed sincere condolences, saying that they remember the great feats "
        "Kim Jong Il performed.",
    )
    assert [q.speaker_name for q in Pipeline()(doc)["quote"]] == ["Oliviero Diliverto"]
    doc = Document.create(
        "KCNA",
        "2011-04-06",
        "Distortion Protested",
        "Superintendents of education in provinces and cities of south Korea released a joint resolution on "
        "March 30.\nIn the resolution they charged that the Japanese government passed the textbooks.",
    )
    assert [q.speaker_kind for q in Pipeline()(doc)["quote"]] == ["anonymous"]


def test_a_name_before_an_appositive_with_a_hyphenated_office():
    # "Mitt Romney, billionaire ex-governor of Massachusetts State, had ...": the appositive's office is
    # hyphenated, the name before it a person's, and the "he" after it his
    doc = Document.create(
        "KCNA",
        "2012-03-23",
        "Scandals",
        "Mitt Romney, billionaire ex-governor of Massachusetts State, had hard time finding a clumsy excuse."
        "\nDuring the election campaign he said he had no job, only to be booed.",
    )
    facts = Pipeline()(doc)
    assert ("Mitt Romney", "PERSON") in [(m.text, m.label) for m in facts["mention"]]
    assert [q.speaker_name for q in facts["quote"]] == ["Mitt Romney"]


def test_a_medium_named_after_its_place_and_kind_in_an_inverted_attribution():
    # "..., said the south Korean weekly Media Today on June 22.": the place and the kind before the medium's
    # name, and "Today" is part of the name after the medium's noun (not a time word)
    got = _speakers(
        "Firing Denounced",
        "The confrontation policy was the cause behind the firing, said the south Korean weekly Media Today "
        "on June 22.\nThe Marine Corps opened fire at a plane on June 17, the paper said.",
        "2012-01-01",
    )
    assert got == [("Media Today", "named", "Media Today"), ("paper", "named", "Media Today")]


def test_what_a_medium_named_after_it_reports_is_the_story():
    # "Kwon O Hon, ..., called for ..., said the paper Jaju Minbo. ... He said": the name inside what the
    # medium reports is the story's own, so the "he" after it is Kwon O Hon
    got = _speakers(
        "Abolition Demanded",
        "Kwon O Hon, honorary chairman of the Association for Supporting Prisoners of Conscience, called for "
        'the abolition of the "Security Law", said the south Korean internet paper Jaju Minbo on Monday.\n'
        "Kwon criticized the law as the worst one.\nHe said the government used the law as a means of "
        "confrontation.",
        "2012-01-01",
    )
    assert got[0] == ("Jaju Minbo", "named", "Jaju Minbo")
    assert got[-1] == ("He", "named", "Kwon O Hon")


def test_a_definite_document_with_its_sender_introduces_it():
    # Spanish "transmitio el mensaje de felicitacion del CC del PTC ... Segun el mensaje": the message's
    # sender
    # after "del"; the English "the work of Kim Jong Un" likewise, but not "the statement of the DPRK ..."
    got = _speakers(
        "Exposicion",
        "El secretario transmitio el mensaje de felicitacion del CC del PTC enviado a los constructores "
        "militares.\nSegun el mensaje, con motivo del centenario quedo inaugurada la exposicion que servira "
        "de "
        "base.",
        "2012-01-01",
        lang="es",
    )
    assert got == [("mensaje", "named", "WPK Central Committee")]


def test_so_opening_a_korean_name_is_no_connective():
    # "So Jae Jong, a professor ..., dedicated an article ... the article held": "So" is his surname here, so
    # he is the sentence's subject and the article's author
    got = _speakers(
        "Line Illegal",
        "So Jae Jong, a professor at a U.S. university, on March 23 dedicated an article to an internet "
        "paper."
        "\nIt was clearly written in the document that the line ran across the waters. This means that there "
        "was a warning, the article held.",
        "2012-01-01",
    )
    assert got == [("article", "named", "So Jae Jong")]


def test_a_company_or_medium_after_its_kind_and_place():
    # "U.S. telecommunications company Motorola Solutions announced": the company, not its country;
    # "according to south Korea CBS": the broadcaster; but "an official from the ... firm Kazatomprom" is the
    # official, and "Fiji PM" is an office, not a medium of Fiji
    assert _speakers(
        "Depression",
        "Meanwhile, U.S. telecommunications company Motorola Solutions announced Wednesday that net earnings "
        "were down.",
        "2012-01-01",
    ) == [("Motorola Solutions", "named", "Motorola Solutions")]
    assert _speakers(
        "Drill", "The war drills began on May 1, according to south Korea CBS.", "2012-01-01"
    ) == [("CBS", "named", "CBS")]
    got = _speakers(
        "Uranium",
        "Kazakhstan may have a nuclear power plant within the next 10 years, an official from the "
        "state-owned "
        "nuclear power firm Kazatomprom said.",
        "2012-01-01",
    )
    assert [k for _, k, _ in got] == ["anonymous"]


def test_an_abbreviated_international_body_in_a_headline_is_described():
    # "...: Int'l Body": "Int'l" describes like "International"; the body is not named
    assert _speakers("Deterrence Is No Bargaining Chip: Int'l Body", "", "2012-01-01") == [
        ("Int'l Body", "anonymous", None)
    ]


def test_a_spanish_office_of_the_said_body_and_its_pronoun():
    # "El presidente de dicho comite entrego la medalla ... El dijo": the said committee's one chairman,
    # unnamed (guidelines 2.3), and "El" (él without its accent) is he
    got = _speakers(
        "Medalla",
        "El presidente de dicho comite entrego la medalla al consul general.\nEl dijo que en esta medalla "
        "estan reflejados el modesto deseo de los veteranos.",
        "2012-01-01",
        lang="es",
    )
    assert got == [("El", "named", None)]


def test_a_described_headline_speaker_is_the_office_holder_speaking_in_the_story():
    # "...: French Personage" over "The chairman of the Northern Regional Committee of the association said
    # in his speech:": that office's holder, unnamed
    got = _speakers(
        "Proposal Is Realistic: French Personage",
        "A meeting for solidarity with the Korean people took place in France on June 23.\nPresent there "
        "were "
        "officials of the France-Korea Friendship Association and its Northern Regional Committee.\nThe "
        "chairman of the Northern Regional Committee of the association said in his speech:\nThe joint "
        "statement is the most realistic proposal.",
        "2012-01-01",
    )
    assert got[0] == ("French Personage", "named", None)


def test_the_meeting_speaks_for_the_body_that_held_it():
    # "X held a meeting ... the meeting stressed", "X held its annual meeting ... The annual meeting referred
    # to the fact": the holder; a meeting the story gives no holder for stays anonymous
    got = _speakers(
        "Meeting",
        "The Tanzanian National Coordinating Committee of the Juche Idea Study Groups held a meeting in Dar "
        "es "
        "Salaam on February 11.\nThe meeting reviewed the activities of the Committee.\nKim Jong Il will "
        "live "
        "forever in the hearts of the world progressives, the meeting stressed.",
        "2012-01-01",
    )
    assert got == [
        ("meeting", "named", "Tanzanian National Coordinating Committee of the Juche Idea Study Groups")
    ]
    got = _speakers(
        "Meeting",
        "A meeting took place in Lagos.\nThe Korean people will surely win, the meeting stressed.",
        "2012-01-01",
    )
    assert [k for _, k, _ in got] == ["anonymous"]


def test_a_disaster_claiming_casualties_is_no_speech():
    # "the flood that hit all parts of Thailand, claiming big casualties": no quote, so the message after it
    # is the sender's (not the junk "quote"'s subject)
    got = _speakers(
        "Message of Sympathy",
        "DPRK Premier Choe Yong Rim Monday sent a message of sympathy to Yingluck Shinawatra, prime minister "
        "of Thailand, as regards the flood that hit all parts of Thailand, claiming big casualties and "
        "material losses.\nThe message hoped that the government and people of Thailand would eradicate the "
        "aftermath of the disaster.",
        "2011-10-05",
    )
    assert got == [("message", "named", "Choe Yong Rim")]


def test_a_document_made_public_by_it():
    # "X demanded ..., according to a statement released by it on Jan. 21. ... said the statement": the "it"
    # is X; "A commentary made public by it ... it said": the body of the sentence before (not the
    # commentary itself, and no endless reading of one by the other)
    got = _speakers(
        "Suppression Protested",
        "The South Headquarters of the Pan-national Alliance for Korea's Reunification demanded the "
        "authorities stop suppression of its former member, according to a statement released by it on Jan. "
        "21.\nThe authorities are investigating a former core member of the alliance, said the statement.",
        "2011-01-25",
    )
    assert got[-1][2] == "South Headquarters of the Pan-national Alliance for Korea's Reunification"
    got = _speakers(
        "US Urged",
        "The South Headquarters of the Pan-national Alliance for Korea's Reunification demanded the U.S. "
        "stop the moves for war exercises.\nA commentary made public by it on Feb. 17 accused the U.S. of "
        "working hard to stage exercises.\nLast year the U.S. instigated the authorities to wage war "
        "maneuvers, it said.",
        "2011-02-21",
    )
    assert got[-1] == (
        "it",
        "named",
        "South Headquarters of the Pan-national Alliance for Korea's Reunification",
    )


def test_an_issue_number_glued_to_its_no_is_no_part_of_a_papers_name():
    # "The Russian paper Patriot No.39 carried an article": the paper is Patriot (as with "No. 39")
    got = _speakers(
        "Article",
        "The Russian paper Patriot No.39 carried an article.\nIt said the Korean people will win.",
        "2011-10-26",
    )
    assert got == [("It", "named", "Patriot")]


def test_people_named_together_after_an_inverted_cue_and_their_they():
    # "President Kim Il Sung led ..., said Chairman X and General Secretary Y of the ... They issued a joint
    # statement ... the statement said": "led" is a verb (so the cue is inverted), the speakers are the first
    # of the people named together (guidelines 2.2), and so is the "they" who issued the statement
    got = _speakers(
        "Anniversary Observed",
        "President Kim Il Sung led the Korean people to victory, said Chairman Genaro Ledesma Izquieta and "
        "General Secretary Cati Campos of the People's Front of Workers, Peasants and Students of Peru. They "
        "issued a joint statement on June 22.\nThe world admires the President, the statement said.",
        "2011-07-01",
    )
    assert [name for _, _, name in got] == ["Genaro Ledesma Izquieta", "Genaro Ledesma Izquieta"]


def test_a_south_korean_body_named_with_korean_opening_its_name():
    # "The south Korean Youth Solidarity issued a statement": the body "Korean Youth Solidarity" (a lower-case
    # "south" is no part of the name, guidelines 6), and the statement and its "it" are its
    got = _speakers(
        "Suppression",
        "The south Korean Youth Solidarity issued a statement on June 27 demanding that the security "
        "authorities stop the suppression.\nThe statement recalled that on June 23 the police searched "
        "houses."
        "\nHanchong was a massive youth organization, it held.",
        "2011-06-30",
    )
    assert [name for _, _, name in got] == ["Korean Youth Solidarity"] * 3


def test_an_obituary_speaks_for_whoever_issued_it():
    # "His obituary was released on Sunday in the name of the SPA Presidium, ...": its issuer (not the man it
    # is about); "An obituary of O Ik Je was issued by the Central Committee of ...": likewise
    got = _speakers(
        "Obituary",
        "Kang Yong Sop died of a heart attack on Saturday.\nHis obituary was released on Sunday in the name "
        "of "
        "the SPA Presidium and the Religious Believers Council of Korea.\nKang worked as a deputy since the "
        "10th SPA, the obituary said.",
        "2012-01-22",
    )
    assert got[-1][1:] == ("named", "Presidium of the Supreme People's Assembly")
    got = _speakers(
        "Obituary",
        "O Ik Je died of illness on September 1, 2012.\nAn obituary of O Ik Je was issued by the Central "
        "Committee of the Democratic Front for the Reunification of Korea Sunday.\nAccording to it, O was a "
        "patriot who dedicated himself to the reunification of the country.",
        "2012-09-02",
    )
    assert got[-1][2] == "Central Committee of the Democratic Front for the Reunification of Korea"


def test_the_office_of_a_place_the_text_does_not_identify_is_anonymous():
    # "asked the mayor of a city in New Jersey State ... The mayor declined ... He said": a city not named, so
    # its mayor is not identified (guidelines 2.3)
    got = _speakers(
        "Japan Accused",
        "Japanese diplomats asked the mayor of a city in New Jersey State to dismantle the monument.\nThe "
        "mayor "
        "declined to accept the proposal.\nHe said at a press conference that the monument is necessary.",
        "2012-06-04",
    )
    assert got == [("He", "anonymous", None)]


def test_spanish_connective_phrase_and_a_message_sent_on_an_occasion():
    # "De otro lado, el ex gobernador de Nuevo Mexico, Bill Richardson, demando ... el insistio": the
    # connective opens the sentence, the subject follows its comma; "el mensaje de condolencias que con
    # motivo del fallecimiento del Dirigente Kim Jong Il, le remitiera ... Girma Woldegiorgis": the sender
    got = _speakers(
        "Condolencias",
        "Robert Springs expreso sus condolencias.\nDe otro lado, el ex gobernador de Nuevo Mexico, Bill "
        "Richardson, demando a su gobierno que exprese condolencias.\nEn entrevista concedida el dia 20, el "
        "insistio en que el gobierno exprese condolencias oficialmente a la RPDC.",
        "2011-12-23",
        lang="es",
    )
    assert got[-1][2] == "Bill Richardson"
    got = _speakers(
        "Pesame",
        "Kim Jong Un recibio el mensaje de condolencias que con motivo del fallecimiento del Dirigente Kim "
        "Jong "
        "Il, le remitiera el dia 20 el presidente de la Republica Federal Democratica de Etiopia, Girma "
        "Woldegiorgis.\nEl mensaje senala:\nExpresamos nuestras profundas condolencias.",
        "2011-12-21",
        lang="es",
    )
    assert got == [("mensaje", "named", "Girma Woldegiorgis")]


def test_an_autograph_a_spanish_medium_and_a_prefectures_government():
    # "Kim Jong Un sent an autograph ... the autograph said": a document its sender speaks through; "Segun la
    # cadena surcoreana CBS": the broadcaster by name; "..., Miyagi Prefecture, the prefectural government
    # said": that prefecture's government
    got = _speakers(
        "Autograph",
        "The respected Kim Jong Un on Feb. 23 sent an autograph as regards the deed of Ri Chang Son.\nTo "
        "dedicate one's life to the collective is a beautiful deed, the autograph said.",
        "2012-02-25",
    )
    assert got == [("autograph", "named", "Kim Jong Un")]
    got = _speakers(
        "Paginas web",
        "Segun la cadena surcoreana CBS, el dia 19 quedaron abiertas en el Sur de Corea las paginas web.",
        "2011-12-23",
        lang="es",
    )
    assert got == [("CBS", "named", "CBS")]
    got = _speakers(
        "Cesium",
        "Radioactive cesium has been detected in the meat of a wild boar captured in Kakuda city, Miyagi "
        "Prefecture, the prefectural government said Friday.",
        "2011-08-24",
    )
    assert got == [("prefectural government", "named", "Miyagi Prefectural Government")]


def test_a_company_name_keeps_its_abbreviated_ending_and_its_survey_speaks_for_it():
    # "Chubu Electric Power Co. posted a loss, according to its survey": the company's name with its dot
    # (guidelines 1: "Tokyo Electric Power Co."), and "its survey" is the company's; "On April 6 the Tokyo
    # Electric Power Co." opens with no day's number
    doc = Document.create(
        "KCNA",
        "2012-02-05",
        "Net Loss",
        "Chubu Electric Power Co. posted a group net loss of 70.76 billion yen for the April-December "
        "period, "
        "according to its survey on Tuesday.\nOn April 6 the Tokyo Electric Power Co. said water leaked.",
    )
    facts = Pipeline()(doc)
    orgs = [m.text for m in facts["mention"] if m.label == "ORG"]
    assert orgs == ["Chubu Electric Power Co.", "Tokyo Electric Power Co."]
    assert facts["quote"][0].speaker_name == "Chubu Electric Power Co."


def test_the_spanish_head_of_a_delegation_headed_by_someone():
    # "la delegacion ..., encabezada por su presidente Satoshi Ishikawa ... el jefe de la delegacion subrayo":
    # the person the delegation is headed by
    got = _speakers(
        "Delegacion",
        "Kim Yong Nam recibio a la delegacion de la agencia noticiera Kyodo de Japon, encabezada por su "
        "presidente Satoshi Ishikawa.\nEn la ocasion, el jefe de la delegacion subrayo que gracias a la "
        "sabia "
        "direccion de Kim Jong Un el pais avanza.",
        "2012-10-12",
        lang="es",
    )
    assert got == [("jefe de la delegacion", "named", "Satoshi Ishikawa")]


def test_headline_offices_and_groups_described_only():
    # "...: KPA Officers" (several, unnamed), "...: Overseas Koreans' Organization" (described), and an
    # abbreviated office over no story: "Russia Is Opposed to ...: FM" is Russia's foreign minister, unnamed;
    # "BRICS Aims to ...: FM" is of no state the text gives
    def first(title, body=""):
        doc = Document.create("KCNA", "2012-01-01", title, body)
        q = Pipeline()(doc)["quote"][0]
        return q.speaker_kind, q.speaker_name

    assert first("We Will Remove Anderson Air Base from Earth: KPA Officers") == ("anonymous", None)
    assert first("Lee Myung Bak, Wicked Enemy of Nation: Overseas Koreans' Organization") == (
        "anonymous",
        None,
    )
    assert first("Russia Is Opposed to US Sanctions on Iran: FM") == ("named", None)
    assert first("EU Sows Discord among Zimbabweans by Partial Lifting of Sanctions: FM") == ("named", None)
    assert first("BRICS Aims to Solve Urgent Problems: FM") == ("anonymous", None)
    assert first(
        "Vietnam Will Never Forget DPRK's Support--PM",
        "The Vietnamese people always remember the support.\nThe prime minister of Vietnam said this on May "
        "25.",
    ) == ("named", None)


def test_a_name_after_the_titles_administrator_and_chairperson():
    # "Deputy Administrator Yu Xinwen of the China Meteorological Administration ... he said", "...,
    # Chairperson of the Commission of the AU Jean Ping said": titles before a name the packs do not know
    got = _speakers(
        "Cooperation",
        "Deputy Administrator Yu Xinwen of the China Meteorological Administration had an interview with "
        "journalists in Pyongyang on Friday.\nThe traditional friendly relations are developing with each "
        "passing day, he said.",
        "2011-10-23",
    )
    assert got == [("he", "named", "Yu Xinwen")]
    got = _speakers(
        "AU",
        "The member nations of the African Union hope to continue boosting them, Chairperson of the "
        "Commission "
        "of the AU Jean Ping said.",
        "2011-01-21",
    )
    assert got == [("Jean Ping", "named", "Jean Ping")]


def test_round_ac_constructions():
    # "The Russian ITAR-TASS said ... The news agency noted": a medium's nationality does not make another
    # body (the mention keeps the medium's entity); "..., said DPRK Foreign Minister Pak Ui Chun who is head
    # of its delegation": a relative clause after the inverted speaker; "People of all social standings are
    # blaming ..., saying": a group; "led by its Head Wang Jiarui ... Wang wrote": a Chinese surname first
    got = _speakers(
        "Memorial",
        "The Russian ITAR-TASS said that memorial events are taking place.\nThe news agency noted that the "
        "army and people grieved.",
        "2011-12-30",
    )
    assert [(k, n) for _, k, n in got] == [("named", "ITAR-TASS")] * 2
    got = _speakers(
        "UN",
        "Now the UN has been abused for justifying the high-handed practices, said DPRK Foreign Minister "
        "Pak Ui "
        "Chun who is head of its delegation at the meeting.",
        "2012-05-11",
    )
    assert got == [("Pak Ui Chun", "named", "Pak Ui Chun")]
    got = _speakers(
        "Apology",
        "His apology is a burlesque.\nPeople of all social standings are blaming the government, saying that "
        "they do not fix the door properly.",
        "2012-07-27",
    )
    assert [k for _, k, _ in got] == ["anonymous"]
    got = _speakers(
        "Exhibition",
        "The delegation of the Communist Party of China led by its Head Wang Jiarui visited the Exhibition "
        "on "
        "Thursday.\nWang wrote in the visitors book: We pay tribute to the KPA.",
        "2012-08-02",
    )
    assert got == [("Wang", "named", "Wang Jiarui")]
    doc = Document.create(
        "KCNA", "2012-07-13", "I Witnessed True Picture of DPRK: Secretary General of Int'l Body", ""
    )
    assert [q.speaker_kind for q in Pipeline()(doc)["quote"]] == ["anonymous"]


def test_a_spanish_document_is_the_nearest_one_and_union_heads_a_name():
    # "En su declaración fechada 9, la Unión Popular de Mujeres Peruanas condenó ... señala el documento": the
    # nearest document of any kind (accented as written), issued by the body "Unión ..." names head first
    got = _speakers(
        "Apoyo",
        "En su nota fechada 8, el Instituto de Amistad con el Pueblo Coreano manifestó su respaldo.\nEl "
        "documento exige ejecutar la Declaración Conjunta.\nEn su declaración fechada 9, la Unión Popular de "
        "Mujeres Peruanas condenó severamente las provocaciones.\nLos imperialistas actúan para romper la "
        "reconciliación, señala el documento.",
        "2011-06-17",
        lang="es",
    )
    assert got[-1] == ("documento", "named", "Unión Popular de Mujeres Peruanas")


def test_round_ad_constructions():
    # Spanish "ante el secretario general de la ASEAN, Surin Pitsuwan, ... el secretario general senalo" (the
    # person after the office in apposition) and "El discurso ... estuvo a cargo del jefe ..., Ri Yong Su.
    # El dijo" (who gave the speech); "Another Nepali paper said" (an unnamed paper, not the agency's own
    # voice); 'according to "Voice of People", an Internet broadcasting of south Korea' (the name in marks)
    got = _speakers(
        "Credenciales",
        "El Embajador presento el dia 11 ante el secretario general de la Asociacion de Naciones del Sudeste "
        "Asiatico (ASEAN), Surin Pitsuwan, sus cartas credenciales.\nEn la ocasion el secretario general "
        "senalo "
        "que se regocija de que todo en la RPDC marchara bien.",
        "2011-11-17",
        lang="es",
    )
    assert got == [("secretario general", "named", "Surin Pitsuwan")]
    got = _speakers(
        "Regalos",
        "Kim Jong Un envio regalos a las madres.\nEl discurso de entrega de regalos estuvo a cargo del jefe "
        "de "
        "departamento del Comite Central del Partido del Trabajo de Corea, Ri Yong Su.\nEl dijo que tener al "
        "Mariscal es la maxima gloria.",
        "2012-11-19",
        lang="es",
    )
    assert got == [("El", "named", "Ri Yong Su")]
    got = _speakers(
        "Papers",
        "Jana Sata said that the President led the revolution.\nJanmabhumi reported a similar "
        "article.\nAnother "
        "Nepali paper said that the centenary of the birth of the President was being celebrated worldwide.",
        "2012-04-27",
    )
    assert got[-1] == ("Another Nepali paper", "anonymous", None)
    got = _speakers(
        "Watch",
        'The Intelligence Service kept track of civic organizations in secrecy, according to "Voice of '
        'People", '
        "an Internet broadcasting of south Korea on October 10.",
        "2011-10-12",
    )
    assert got == [("Voice of People", "named", "Voice of People")]


def _org_mentions(title: str, body: str, published: str) -> list[tuple]:
    doc = Document.create("KCNA", published, title, body, None, "en", "t")
    return [(m.text, m.entity) for m in Pipeline(["entities"])(doc)["mention"] if m.label == "ORG"]


def test_a_long_name_opening_a_sentence_before_what_a_body_does_is_one_organisation():
    # The words from a sentence's "The" to the verb of a body ("held", "issued", "made public"), with a
    # connector or a quoted phrase among four or more capitalised words, are one name; its mention stops
    # before "in south Korea" (guidelines 1.2), the speaker's name keeps it (the fullest form, 1.4)
    body = (
        'The Meeting of Victims of the "National Security Law" in south Korea held a rally in Puyo on July '
        "23., , It said the law must be repealed."
    )
    assert _org_mentions("Suppression under Fire", body, "2011-08-01") == [
        ('Meeting of Victims of the "National Security Law"', None)
    ]
    assert _speakers("Suppression under Fire", body, "2011-08-01") == [
        ("It", "named", 'Meeting of Victims of the "National Security Law" in south Korea')
    ]
    body = (
        "The Staffordshire, Britain, Branch of the Korean Friendship Association issued a statement on Feb. "
        "28 in protest against the joint military exercises., ,  The statement condemned the exercises."
        ", , It asserted that the maneuvers are exercises simulating a nuclear war."
    )
    assert _speakers("Support Called for", body, "2011-03-06")[-1] == (
        "It",
        "named",
        "Staffordshire, Britain, Branch of the Korean Friendship Association",
    )
    body = (
        'The Joint Action for Probing the Truth about "Cheonan" Warship Case and Realizing Peace on Korean '
        "Peninsula in south Korea at a press conference on March 24 called for probing the truth., , It said "
        "that the truth has not yet been probed."
    )
    assert _speakers("Truth Called for", body, "2011-03-27") == [
        (
            "It",
            "named",
            'Joint Action for Probing the Truth about "Cheonan" Warship Case and Realizing Peace on Korean '
            "Peninsula in south Korea",
        )
    ]


def test_what_is_no_long_name_of_one_body():
    # two bodies joined ("A and the B", a body's head word on each side of the "and"), a law, a session,
    # a nationality before a quoted name, a pack body and its country
    joined = (
        "The Committee for Measures against the Spy Ring Case and the Association for Emergency Measures "
        'against the "National Security Law" issued a joint statement on Sept. 1.'
    )
    assert len(_org_mentions("Statement", joined, "2011-09-03")) >= 2
    law = "The DPRK Law on Special Zone for International Tour said that the zone is open."
    got = _org_mentions("Law", law, "2011-06-02")
    assert ("DPRK Law on Special Zone for International Tour", None) not in got
    quoted = (
        'The Ukrainian "Treasured Sword of Songun" Association for the Study of the Juche Idea issued a '
        "statement on July 1."
    )
    assert _org_mentions("Statement", quoted, "2012-07-03")[0][0].startswith('"Treasured Sword')
    xinhua = "The Xinhua News Agency of China on Monday reported that the talks had ended."
    assert _org_mentions("Talks", xinhua, "2011-06-09")[0] == ("Xinhua News Agency", "xinhua")


def test_a_pack_body_and_a_unit_after_it_is_the_pack_unit():
    # "The Workers' Party of Korea Central Committee Friday sent": the pack's "WPK Central Committee"
    body = (
        "The Workers' Party of Korea Central Committee Friday sent a congratulatory message to war "
        "veterans., , The message said that the victory was the fruition of the military idea of the "
        "President."
    )
    assert _speakers("Message", body, "2012-07-29") == [("message", "named", "WPK Central Committee")]


def test_a_one_word_name_after_a_title_of_a_place_or_before_the_office_then_held():
    # "Mayor of Osaka City Hashimoto", "U.S. Secretary of State Hillary": one name word after a title and
    # what it is the title of; "Saida, then principal of the school," and "The counselor of the Cuban mission
    # ..., Carlos Fidel Martin,": the offices "principal", "counselor" (and "rector", "curator")
    got = _speakers(
        "Crackdown",
        "Mayor of Osaka City Hashimoto said that the aid must be stopped. He added that no aid is possible.",
        "2012-04-04",
    )
    assert got == [("Hashimoto", "named", "Hashimoto"), ("He", "named", "Hashimoto")]
    got = _speakers(
        "Logic",
        "U.S. Secretary of State Hillary again cried out for changes in the DPRK.,  She at a huddle on "
        "September 8 said that the DPRK must open.",
        "2012-09-12",
    )
    assert got == [("She", "named", "Hillary")]
    got = _speakers(
        "Class",
        "There is a touching story about the class., ,  Saida, then principal of the school, came to express "
        "profound reverence while visiting the DPRK., ,  He said that the visit was unforgettable.",
        "2011-02-16",
    )
    assert got == [("He", "named", "Saida")]
    got = _speakers(
        "Blockade",
        "The counselor of the Cuban mission to the International Organizations in Geneva, Carlos Fidel "
        "Martin, explained the consequences of the blockade., ,  Martin also said that the blockade must be "
        "lifted.",
        "2012-03-10",
    )
    assert got == [("Martin", "named", "Carlos Fidel Martin")]


def test_a_nationality_before_a_press_or_a_broadcasting_service_is_no_part_of_its_name():
    # guidelines 6: "Japanese Jiji Press" is Jiji Press, "Cambodian State Radio Broadcasting Service" is State
    # Radio Broadcasting Service; "Guinean Agency of Press" (a translated name with "of") keeps it
    got = _speakers("Launch", "The Japanese Jiji Press said that the DPRK launched a rocket.", "2011-02-24")
    assert got == [("Japanese Jiji Press", "named", "Jiji Press")]
    got = _speakers(
        "Songun",
        "The Cambodian State Radio Broadcasting Service said that the DPRK is strong.",
        "2012-09-15",
    )
    assert got[0][1:] == ("named", "State Radio Broadcasting Service")
    got = _speakers("Songun", "The Guinean Agency of Press said that the DPRK is strong.", "2011-06-13")
    assert got == [("Guinean Agency of Press", "named", "Guinean Agency of Press")]


def test_a_headline_speaker_holding_a_states_one_office():
    # "...: Navy Commander", "...: Iranian Speaker", "...: Atomic Chief" over no story: the one holder of an
    # office of the state the headline names, unnamed (guidelines 2.3); "...: President" is that state's, not
    # the packs' President; "...: Minister" (which ministry?) and "...: Delegation Head" stay anonymous
    def speaker(title):
        return _speakers(title, "", "2012-01-10")[0][1:]

    assert speaker("Iran Adds 2 Light Submarines to Naval Fleet: Navy Commander") == ("named", None)
    assert speaker("Iranian Speaker: U.S. Aims Anti-Iran Conspiracy") == ("named", None)
    assert speaker("Iran Ready for Exporting Nuclear Energy Service: Atomic Chief") == ("named", None)
    assert speaker("Ukraine Will Not Join in MD in Europe: President") == ("named", None)
    assert speaker("Cambodia Needs to Beef Up Defense Capacity: Minister") == ("anonymous", None)
    assert speaker("DPRK Calls for UNIDO's Enhanced Role: Delegation Head") == ("anonymous", None)


def test_an_assistants_office_with_its_portfolio_is_one_persons():
    # "the U.S. assistant secretary of State for East Asian and Pacific Affairs", "the assistant secretary of
    # the U.S. Defense Department for World Strategy": one holder (named, no entity), unlike "the deputy
    # director of the institute" (one of several: anonymous)
    got = _speakers(
        "Moves",
        "The U.S. assistant secretary of State for East Asian and Pacific Affairs said they would keep the "
        "pressure.\nThe assistant secretary of the U.S. Defense Department for World Strategy recently said "
        "that the cuts would hurt.\nThe deputy director of the institute said that the test failed.",
        "2012-07-23",
    )
    assert [g[1] for g in got] == ["named", "named", "anonymous"]


def test_round_ae_constructions():
    # '"Thongil," newspaper of Koreans in Uzbekistan, ... carried': a paper's name in marks before its noun
    # without an article; Spanish one-holder offices "representante de Zimbabwe", "canciller japones" (named,
    # no entity, guidelines 2.3)
    got = _speakers(
        "Paper",
        '"Thongil," newspaper of Koreans in Uzbekistan, on April 24 carried articles calling for '
        "reunification., ,  The paper said that a decisive phase will be opened.",
        "2012-05-03",
    )
    assert got == [("paper", "named", "Thongil")]
    got = _speakers(
        "Condolencias",
        "El representante de Zimbabwe dijo que los pueblos de los dos paises son companeros de armas.\n"
        "Sumandose a la opinion de ellos, el canciller japones dijo que pensaria bien en las maneras.",
        "2011-12-22",
        lang="es",
    )
    assert [g[1] for g in got] == ["named", "named"]


def test_a_unit_of_a_known_body_and_the_object_of_a_preposition_before_an_office():
    # "The Liaoning Regional Association of the General Association of Koreans in China issued": "in China"
    # ends the known body inside, not the unit's name; "On Oct. 13 when meeting with Kim Chun Bong, outgoing
    # DPRK ambassador to his country, the president noted": the ambassador is met, the president speaks
    got = _speakers(
        "Conspiracy",
        "The Liaoning Regional Association of the General Association of Koreans in China issued a statement "
        "on Oct. 12., , It noted that the moves are a conspiracy.",
        "2012-10-17",
    )
    assert got == [
        ("It", "named", "Liaoning Regional Association of the General Association of Koreans in China")
    ]
    got = _speakers(
        "Relations",
        "We are sure that the relations will grow stronger, said President of Equatorial Guinea Obiang "
        "Nguema Mbasogo., ,  On Oct. 13 when meeting with Kim Chun Bong, outgoing DPRK ambassador to his "
        "country, the president noted that the friendly relations are steadily developing.",
        "2011-10-20",
    )
    assert got[-1] == ("president", "named", "Obiang Nguema Mbasogo")


def test_a_speaker_span_ending_in_a_relative_pronoun_is_the_name_before_it():
    # "El discurso de la ocasion estuvo a cargo de Kim Ki Nam quien senalo", "intervino el suboficial Kim
    # Hyon Hyok quien dijo": the name before "quien" speaks
    got = _speakers(
        "Congreso",
        "El discurso de la ocasion estuvo a cargo de Kim Ki Nam quien senalo que el Congreso Mundial fue un "
        "gran festival.",
        "2012-04-14",
        lang="es",
    )
    assert got == [("Kim Ki Nam", "named", "Kim Ki Nam")]


def test_a_bureau_or_an_institute_then_its_name():
    # "the EU statistics bureau Eurostat said", "the national statistics institute Insee": the name after the
    # kind speaks, not the body before it
    got = _speakers(
        "Output",
        "Construction output in the euro zone dropped by 1.1 percent in May, the EU statistics bureau "
        "Eurostat said on Tuesday.",
        "2011-07-23",
    )
    assert got == [("Eurostat", "named", "Eurostat")]


def test_a_name_after_a_nationality_a_capitalised_title_and_a_comma():
    # "Colombian Foreign Minister, Maria Angela Holguin, on Wednesday ratified": the holder's whole name
    got = _speakers(
        "Support",
        "Colombian Foreign Minister, Maria Angela Holguin, on Wednesday ratified her country's support to "
        'Cuba., "You can be sure that we always will support you in that cause", Holguin stated.',
        "2012-02-12",
    )
    assert got == [("Holguin", "named", "Maria Angela Holguin")]


def _person_mentions(title: str, body: str, published: str, lang: str = "en") -> list[tuple]:
    doc = Document.create("KCNA", published, title, body, None, lang, "t")
    return [(m.text, m.entity) for m in Pipeline(["entities"])(doc)["mention"] if m.label == "PERSON"]


def _mentions(title: str, body: str, published: str = "2012-02-01", lang: str = "en") -> list:
    """Every mention the entity stage finds in a document made of ``title`` and ``body``."""
    doc = Document.create("KCNA", published, title, body, None, lang, "t")
    return Pipeline(["entities"])(doc)["mention"]


def test_a_name_after_an_abbreviated_title_the_run_of_capitals_stops_at():
    # "Prof. Narihiko Ito of a university of Japan said": the run of capitals stops at the title's dot; the
    # name after it is the speaker, not the whole description
    got = _speakers(
        "Meeting",
        "Speeches were made at the meeting., ,  Prof. Narihiko Ito of a university of Japan said that the "
        "way is not found for a fundamental solution.",
        "2012-09-17",
    )
    assert got == [("Narihiko Ito", "named", "Narihiko Ito")]
    # (a Korean name after the title stays with the body after it: "Prof. Jong Ki Ryol of Qinghua University")
    body = "They met the family of Prof. Jong Ki Ryol of Qinghua University and other compatriots."
    assert ("Jong Ki Ryol", None) in _person_mentions("Visit", body, "2011-12-27")
    assert ("Qinghua University", None) in _org_mentions("Visit", body, "2011-12-27")


def test_a_one_word_name_after_a_role_and_its_office():
    # "Matsubara, Japan's minister in charge of ...": a possessive country before the role
    got = _speakers(
        "KCNA Commentary Rebukes Japan's Rhetoric",
        'Matsubara, Japan\'s minister in charge of "abduction issue", on several occasions insisted that if '
        "the abductees do not come back the issue cannot be seen as settled.",
        "2012-07-25",
    )
    assert got == [("Matsubara", "named", "Matsubara")]
    # "the Japanese minister Sakamoto said", "el diputado japones Sakamoto dijo", "el vicecanciller
    # Yamaguchi, dijo": one name word between a role and a cue
    assert _speakers("Match", "The Japanese minister Sakamoto said that the team lost.", "2011-12-03") == [
        ("Sakamoto", "named", "Sakamoto")
    ]
    for body in (
        'Al referirse a ese juego, el diputado japones Sakamoto dijo que "si el equipo hubiera ganado".',
        'En ese acto el vicecanciller Yamaguchi, dijo que "el islote es japones".',
    ):
        got = _speakers("Juego", body, "2011-12-03", lang="es")
        assert [g[1] for g in got] == ["named"] and got[0][0] in ("Sakamoto", "Yamaguchi")
    # but a weekday is no name, and "Santiago Lyon, AP's director of photography" is no one-word name
    got = _speakers("Match", "The minister Monday said that the team lost.", "2011-12-03")
    assert got[0][1] == "anonymous"
    assert ("Lyon", None) not in _person_mentions(
        "Exhibition", "It will help, according to Santiago Lyon, AP's director of photography.", "2012-03-06"
    )


def test_a_spanish_office_and_a_portfolio_that_is_no_name():
    # "Hor Nam Hong, vicepremier del gobierno y ministro ...": a person; "director de Defensa Nacional,
    # vicepremier del Consejo de Ministros": a portfolio of common words, then the next office, no person
    assert ("Hor Nam Hong", None) in _person_mentions(
        "Homenaje",
        "Hor Nam Hong, vicepremier del gobierno y ministro de Relaciones Exteriores del Reino de Camboya, y "
        "su comitiva depositaron flores.",
        "2012-04-05",
        lang="es",
    )
    got = _person_mentions(
        "Biografia",
        "Fue vicepresidente del Comite Popular de Corea del Norte y director de Defensa Nacional, "
        "vicepremier del Consejo de Ministros y ministro de Industria.",
        "2011-01-31",
        lang="es",
    )
    assert ("Defensa Nacional", None) not in got


def test_korean_given_names_with_a_capital_after_the_hyphen():
    # "Park Chung-Hee" as "Park Chung-hee" (the packs know him); "Jon Chol Gu-Kim Song Sim", a couple, is
    # no single name
    got = _person_mentions(
        "Dictator",
        'Park Chung-Hee, "yusin" dictator, pursued a harsh repressive policy as soon as he seized power.',
        "2012-08-17",
    )
    assert got[0] == ("Park Chung-Hee", "park-chung-hee")
    got = _person_mentions(
        "Club", "Llamo a su lado a las parejas Jon Chol Gu-Kim Song Sim y Kim Hyong Jun.", "2012-01-28", "es"
    )
    assert not any("Gu-Kim" in name for name, _ in got)


def test_a_surname_alone_after_two_people_of_that_name_is_the_one_named_last():
    # "Her father Park Chung-Hee staged a coup ... In 2007 Park called": the surname stands for the one
    # named last; but no leader goes by his surname alone ("Kim Yong Nam ... Kim Jong Il ... Kim has worked
    # at the troupe")
    body = (
        "The stands of Park Geun Hye are arousing concern., ,  Her father Park Chung-Hee staged a military "
        'coup to seize power., ,  In 2007 Park called the "military coup" a revolution.'
    )
    got = _person_mentions("Commentary", body, "2012-07-14")
    assert ("Park", "park-chung-hee") in got
    body = (
        "Kim Yong Nam saw the opera., ,  The singer met Kim Jong Il., ,  Kim has worked at the opera troupe "
        "for dozens of years."
    )
    got = _person_mentions("Singer", body, "2012-01-21")
    assert [e for name, e in got if name == "Kim"] == []


def test_a_known_name_glued_to_the_next_word():
    # kcna.kp: "Kim Jong Unsaid that ..." (the line break lost between the name and the verb)
    body = "The talks were held. Kim Jong Unsaid that the relations would develop."
    got = _speakers("Talks", body, "2024-06-20")
    assert got == [("Kim Jong Un", "named", "Kim Jong Un")]
    # but "Kim Yong Sun" is not "Kim Yong Su" and an "n"
    got = _person_mentions("Visit", "Kim Yong Sun, a worker, visited the plant.", "2024-06-20")
    assert got[0][0] == "Kim Yong Sun"


def test_a_name_whose_last_word_is_no_korean_syllable():
    # "Jon Arni Halldorsson": not the Korean name "Jon Arni" and a word
    got = _speakers(
        "Support",
        "Jon Arni Halldorsson, general secretary of the Iceland-DPRK Friendship and Cultural Society, said "
        "that the DPRK is strong.",
        "2012-02-20",
    )
    assert got == [("Jon Arni Halldorsson", "named", "Jon Arni Halldorsson")]


def test_who_reported_a_clause_goes_on_after_and_and_a_colon():
    # "X dijo que cada frase ... y prosiguio:", "X said that ... and went on:": the reporter goes on in the
    # block, not the clause's subject
    got = _speakers(
        "Editorial",
        "El pueblo redobla la decision. , El jefe de departamento del Ministerio de Industria Ligera, Han "
        "Chong Su (de 54 anos), dijo que cada frase le conmueve mucho y prosiguio:, \r, La industria ligera "
        "es el frente principal de la ofensiva general de este ano.",
        "2011-01-01",
        lang="es",
    )
    assert [g[2] for g in got] == ["Han Chong Su", "Han Chong Su"]
    got = _speakers(
        "Editorial",
        "The people are resolved. Han Chong Su, department director of the ministry, said that every phrase "
        "of the editorial moved him and went on:, \r, Light industry is the main front this year.",
        "2011-01-01",
    )
    assert [g[2] for g in got] == ["Han Chong Su", "Han Chong Su"]
    # but "..., comenzo el informador y prosiguio:" names a speaker of its own
    got = _speakers(
        "Acto",
        "El acto tuvo lugar. , El informe senalo que el dia fue la maxima fortuna de la nacion, comenzo el "
        "informador y prosiguio:, , Gracias a este dia el pueblo pudo avanzar.",
        "2011-02-15",
        lang="es",
    )
    assert got[-1][0] == "informador"


def test_a_cabinet_secretary_of_a_state_is_one_holder():
    # "the U.S. defense secretary asserted": an office one person holds, named with no entity
    got = _speakers(
        "Moves",
        "Right after the meeting the U.S. defense secretary asserted that the U.S. would cooperate.",
        "2012-11-07",
    )
    assert got == [("U.S. defense secretary", "named", None)]


def test_a_name_before_from_and_an_institution():
    # "Wolf-Dieter Rausch from University of Veterinary Medicine Vienna, Austria, made a speech ... he said"
    got = _speakers(
        "Conference",
        "At the conference on Monday, Wolf-Dieter Rausch from University of Veterinary Medicine Vienna, "
        "Austria, made a speech., ,  The first nerve culture is of high technology, he said.",
        "2012-09-24",
    )
    assert got == [("he", "named", "Wolf-Dieter Rausch")]


def test_a_name_opening_with_a_lower_case_arabic_article():
    # "local daily al-Thawra reported ... the paper said": the daily's name, which no capital opens
    got = _speakers(
        "Practice",
        "Syrian missile forces have carried out a project, local daily al-Thawra reported on Monday. , , "
        'During the practice, "the missile forces performed the project with accuracy," the paper said.',
        "2011-12-08",
    )
    assert [g[2] for g in got] == ["al-Thawra", "al-Thawra"]


def test_spanish_officials_and_experts_stay_anonymous():
    # "un funcionario del Ministerio de Deportes dijo": an official, as in English, not the ministry
    got = _speakers(
        "Campeonato",
        "Citado por la ACNC, un funcionario del Ministerio de Deportes dijo que participan muchos jugadores.",
        "2011-10-08",
        lang="es",
    )
    assert got == [("funcionario del Ministerio de Deportes", "anonymous", None)]


def test_an_office_of_a_long_state_name_before_the_holder():
    # "ante el presidente de la Republica de Serbia, Boris Tadzic, ... el mandatario dijo": the office of a
    # state whose name holds a connector gives the holder his role
    got = _speakers(
        "Cartas credenciales",
        "Kim Son Gyong presento el dia 21 ante el presidente de la Republica de Serbia, Boris Tadzic, sus "
        "cartas credenciales. En la ocasion el mandatario dijo que Serbia aprecia las relaciones.",
        "2012-02-28",
        lang="es",
    )
    assert got == [("mandatario", "named", "Boris Tadzic")]


def test_an_article_posted_on_the_homepage_of_a_body():
    # "posted on the Internet homepage of the Ria-Soyuz Music Press Company of Russia ... The article said:"
    got = _speakers(
        "Ceramics",
        'An article titled "Korea\'s Long History" was posted on the Internet homepage of the Ria-Soyuz '
        "Music Press Company of Russia.,  The article said:, ,  From olden times Koreans made ceramics.",
        "2011-06-03",
    )
    assert got == [("article", "named", "Ria-Soyuz Music Press Company of Russia")]


def test_quoted_as_saying():
    # "X quoted Y as saying that ...": Y's words (annotation precedent "quoted ... as saying", cue
    # "saying"); a document stands for its issuer ("the information disclosed by WikiLeaks")
    got = _quote_fields(
        "Report",
        "The Washington Post on April 18 quoted the information disclosed by WikiLeaks as saying that the "
        "U.S. had planned the attack.",
        "2011-04-20",
        ("text", "cue", "speaker_kind", "speaker_name"),
    )
    assert got == [("the U.S. had planned the attack", "saying", "named", "WikiLeaks")]
    got = _quote_fields(
        "Report",
        "The Finance Ministry of Japan quoted a survey on June 14 as saying that firms are in depression.",
        "2011-06-20",
        ("text", "speaker_kind"),
    )
    assert got == [("firms are in depression", "anonymous")]
    # nothing after "as saying": the opening clause is the words
    got = _quote_fields(
        "Piracy",
        "Piracy cases in the strait fell significantly, Antara News Agency quoted an Indonesian minister as "
        "saying on Friday.",
        "2011-05-05",
        ("text", "speaker_kind"),
    )
    assert got == [("Piracy cases in the strait fell significantly", "anonymous")]
    # the passive: "Kim Yong Nam was quoted as saying that ..."
    got = _speakers("R", "Kim Yong Nam was quoted as saying that the relations would develop.", "2011-05-05")
    assert got == [("Kim Yong Nam", "named", "Kim Yong Nam")]


def test_the_speaker_after_the_floor_was_taken_by_someone():
    # "The floor was taken by Jon Yong Nam, chairman of ... The speaker said ... he noted": who took the floor
    got = _speakers(
        "Youth Day",
        "Present there were officials concerned., ,  The floor was taken by Jon Yong Nam, chairman of the "
        "Central Committee of the Kim Il Sung Socialist Youth League., ,  The speaker said Kim Jong Un "
        "provided the meeting for 152 delegates.",
        "2012-08-29",
    )
    assert got == [("speaker", "named", "Jon Yong Nam")]
    got = _speakers(
        "Meeting",
        "Present there were officials., , Jon Yong Nam, chairman of the League, took the floor., ,  The "
        "speaker said the country would prosper.",
        "2012-08-29",
    )
    assert got == [("speaker", "named", "Jon Yong Nam")]


def test_a_chinese_surname_that_is_a_pronoun_elsewhere():
    # "Vice-manager of a company He Ying noted": mid-sentence "He" and a pinyin word are a name; "He Said"
    # opening a sentence is no one
    got = _speakers(
        "Opera",
        "Vice-manager of a company He Ying noted that he was carried away by the voices.",
        "2012-06-26",
    )
    assert got == [("He Ying", "named", "He Ying")]
    got = _person_mentions("Leaders", "Present were Hu Jintao, He Guoqiang and other leaders.", "2012-06-26")
    assert ("He Guoqiang", None) in got
    assert _person_mentions("Talks", "He Said that the talks failed.", "2012-06-26") == []


def test_a_name_then_the_survey_it_issued():
    # "according to a Gallup poll released earlier this month": Gallup (a document stands for its issuer);
    # not "Another article" nor "South Korean paper"
    got = _speakers(
        "Economy",
        "Fifty-nine percent of Americans disapprove of his handling of the economy, according to a Gallup "
        "poll released earlier this month.",
        "2012-03-03",
    )
    assert [g[1:] for g in got] == [("named", "Gallup")]


def test_a_closing_name_with_its_appositive_before_the_cue():
    # "A, Kurbonzyon Mirzoyeva, secretary of the Sogd Regional Committee of ..., noted, adding: B": the name
    # before its appositive says A, and B after the colon
    got = _speakers(
        "Tajik",
        "Kim Jong Il developed the traditional DPRK-China friendship into a new higher stage through his "
        "recent visit to China, Kurbonzyon Mirzoyeva, secretary of the Sogd Regional Committee of the Party "
        "of Tajikistan, noted, adding: The cordial hospitality was impressive.",
        "2011-06-28",
    )
    assert [g[2] for g in got] == ["Kurbonzyon Mirzoyeva", "Kurbonzyon Mirzoyeva"]
    # but not a relative clause ("Ivan Petrov, who is secretary of the committee, said")
    got = _speakers(
        "T", "The DPRK is strong, Ivan Petrov, who is secretary of the committee, said.", "2011-06-28"
    )
    assert got == []


def test_a_spanish_adverb_trailing_the_speaker():
    # "Ryu tambien apunto que": Ryu, not "Ryu tambien"
    got = _speakers(
        "Ryu",
        "Despues de tomar el cargo imito los disparates del traidor Lee Myung Bak., ,  Ryu U Ik lo siguio., "
        ", Ryu tambien apunto que el Norte tomara una opcion buena.",
        "2012-10-31",
        lang="es",
    )
    assert got[-1][0] == "Ryu"


def test_a_participle_of_speaking_opening_the_sentence():
    # "Speaking at a seminar held at the press center in Seoul Wednesday, Mun Jong In said, "..."": the
    # phrase is no words said, and the subject follows it
    got = _quote_fields(
        "Seminar",
        'Speaking at a seminar held at the press center in Seoul Wednesday, Mun Jong In said, "It is '
        'difficult to overcome the situation."',
        "2011-10-31",
        ("text", "speaker_name"),
    )
    assert got == [("It is difficult to overcome the situation.", "Mun Jong In")]
    got = _quote_fields(
        "Seminar",
        "Speaking at a seminar in Seoul, Mun Jong In said that it is difficult to overcome the situation.",
        "2011-10-31",
        ("text", "speaker_name"),
    )
    assert got == [("it is difficult to overcome the situation", "Mun Jong In")]


def test_a_states_leader_is_its_head_of_state_as_the_story_names_him():
    # "Nigerian President Goodluck Jonathan has said ... The Nigerian leader said this", and the headline's
    # "...: Nigerian Leader"
    got = _speakers(
        "Terrorism Will Be Defeated: Nigerian Leader",
        "Nigerian President Goodluck Jonathan has said the country would work with the United Nations to "
        "ensure terrorism is brought under control. , , The Nigerian leader said this on Saturday.",
        "2011-08-31",
    )
    assert {g[2] for g in got} == {"Goodluck Jonathan"}


def test_a_broadcasters_name_in_marks_after_its_kind():
    # 'The Internet broadcasting service "Voice of People" on June 30 said': the name in the marks
    got = _speakers(
        "Chemicals",
        'The Internet broadcasting service "Voice of People" on June 30 said that the U.S. army buried '
        "chemicals.",
        "2011-07-02",
    )
    assert got == [("Voice of People", "named", "Voice of People")]


def test_a_medium_the_story_shows_drops_the_place_after_its_name():
    # "The Lanka Voice of Sri Lanka on May 20 carried ... an article ... The article said": a name no pack
    # knows that carries an article is a medium's, whose name drops its country (guidelines 6)
    got = _speakers(
        "Article",
        "The Lanka Bulletin of Sri Lanka on May 20 carried a photo of Kim Il Sung and an article titled "
        '"Korea Forward". , , The article said that the project was completed in 55 days.',
        "2011-05-27",
    )
    assert [g[2] for g in got] == ["Lanka Bulletin"]
    # a body that makes public an article keeps it ("Solidarity for Progress of south Korea")
    got = _speakers(
        "Demand",
        "The Solidarity for Progress of Sri Lanka made public an article on July 12 demanding the "
        "resignation of the ministers. , , The article said that the ministers told a lie.",
        "2012-07-15",
    )
    assert [g[2] for g in got] == ["Solidarity for Progress of Sri Lanka"]
    # a broadcaster's kind in lower case inside its name
    got = _speakers(
        "Radio",
        "Citta Libera broadcasting service of Italy said the politics is demonstrated day by day.",
        "2011-08-28",
    )
    assert [g[2] for g in got] == ["Citta Libera broadcasting service"]


def test_a_spanish_phrase_before_a_subjectless_cue_is_no_speaker():
    # "Viendo los azulejos de diferentes colores, dijo que ...", "Informado de que por su buena calidad, ...,
    # expreso": a gerund's, participle's or preposition's phrase with no name in it is no subject; the person
    # the story is about speaks
    got = _speakers(
        "Kim Jong Un visita fabrica",
        "El Maximo Dirigente Kim Jong Un visito la Fabrica de Azulejos de Taedonggang. , , Viendo los "
        "azulejos de diferentes colores, dijo con satisfaccion que son todos de buena calidad. , , En el "
        "parque de primera etapa, expreso su satisfaccion de que los soldados hayan reconstruido bien las "
        "instalaciones.",
        "2012-07-01",
        lang="es",
    )
    assert [g[2] for g in got] == ["Kim Jong Un", "Kim Jong Un"]


def test_thus_said_and_its_subject_after_whom_it_told():
    # '"...", Asi dijo a la ACNC X': "thus said", its subject after the verb and whom it told (an office's
    # holder in apposition after it), and no reported clause after the cue
    got = _speakers(
        "Almacen para Ninos",
        '"Nuestro almacen esta reconstruido magnificamente como moderna base de servicio comercial.", Asi '
        "dijo a la ACNC la gerente del almacen, Kim Yong Ok. , , "
        '"Es un honor para todos nosotros trabajar aqui", Asi dijo a la ACNC Tokgo Hyon Song (46 anos de '
        "edad), obrero.",
        "2012-06-01",
        lang="es",
    )
    assert [g[2] for g in got] == ["Kim Yong Ok", "Tokgo Hyon Song"]


def test_an_adverb_before_the_pronoun_and_what_was_said_as_a_subject():
    # "There he said in profound sorrow:": the pronoun after the adverb; "What they said over the issue ...
    # is nothing but rhetoric", "contrary to what she said earlier": what was said, no speech reported
    got = _speakers(
        "Mourning",
        "Jo Il Min, chief of the Pyongyang Mission, visited the Kumsusan Memorial Palace. , , There he said "
        "in profound sorrow: The news of the demise came like a bolt from the blue. , , What they said over "
        "the issue of the level of military talks is nothing but rhetoric. , , Her commitments are contrary "
        "to what she said earlier as they are peppered with contradictions.",
        "2011-12-22",
    )
    assert [g[2] for g in got] == ["Jo Il Min"]


def test_a_side_the_packs_know_and_the_name_after_it_are_two_names():
    # "Kim Jong Il and the Kuwait-DPRK Friendship Association", "the Indonesian Democratic Party of Struggle
    # and the WPK": one side of "and the" is a name the packs know, so each side is a name of its own
    got = _org_mentions(
        "Relations",
        "A floral basket was sent to Kim Jong Il and the Kuwait-DPRK Friendship Association on Monday. , , "
        "Relations between the Indonesian Democratic Party of Struggle and the WPK are developing.",
        "2012-02-16",
    )
    assert ("Kuwait-DPRK Friendship Association", None) in got
    assert ("Indonesian Democratic Party of Struggle", None) in got
    assert not any(" and the " in name for name, _ in got)


def test_no_name_runs_from_the_headline_into_the_body_or_keeps_its_sentences_full_stop():
    def names(title, body):
        return [m.text for m in _mentions(title, body, "2012-03-01")]

    got = names("Congratulatory Group of Koreans in Japan", "Pyongyang, March 1 (KCNA) -- It arrived.")
    assert "Congratulatory Group of Koreans in Japan" in got and not any("\n" in t for t in got)
    got = names(
        "Dynamic Movement for Reunification Urged",
        "The South Headquarters of the Pan-national Alliance for Korea's Reunification said in a statement "
        "that the movement should go on.",
    )
    assert "South Headquarters of the Pan-national Alliance for Korea's Reunification" in got
    got = names("Meeting", "It was read. , , A letter was sent by the Federation of Koreans in Australia.")
    assert "Federation of Koreans in Australia" in got
    got = names("Meeting", "It was read. , , The Tokyo Electric Power Co. said it.")
    assert any(t.endswith("Co.") for t in got)


def test_a_title_word_opening_a_bodys_name_is_no_persons_title():
    # "General Political Department of ...", "February 8 General Machinery Plant": "General" opens a body's
    # name (a word the news writes in lower case, then a head word), no person "Political" or "Machinery";
    # "President Bush" is still a title and a name
    got = [
        (m.text, m.label)
        for m in _mentions(
            "Visit",
            "Li Jinai, director of the General Political Department of the Chinese Liberation Army, "
            "arrived. , , He then went over to the February 8 General Machinery Plant. , , President Bush "
            "said so.",
        )
    ]
    assert ("General Political Department of the Chinese Liberation Army", "ORG") in got
    assert ("February 8 General Machinery Plant", "ORG") in got
    assert not any(t in ("Political", "Machinery") for t, _ in got)
    assert ("Bush", "PERSON") in got


def test_headline_phrases_are_no_bodies_and_the_west_bank_is_a_place():
    # "Kim Jong Il's Work Off Press in Peru", "Senior Party and government officials": a verb's particle, an
    # opening adjective make no body's name; "West Bank" and "Gaza Strip" are places the general pack lists
    def mentions(title, body):
        return [(m.text, m.label) for m in _mentions(title, body)]

    got = mentions("Kim Jong Il's Work Off Press in Peru", "A work of Kim Jong Il was published in Peru.")
    assert not any("Press" in t for t, _ in got)
    got = mentions(
        "Visit",
        "Senior Party and government officials visited the families. , , Israel seized land in the West Bank "
        "and the Gaza Strip.",
    )
    assert ("West Bank", "PLACE") in got and ("Gaza Strip", "PLACE") in got
    assert not any(t.startswith("Senior") for t, _ in got)


def test_a_spanish_province_with_its_compass_word_is_the_packs_province():
    # "provincia de Hamgyong del Norte", "Phyong-an del Sur": North Hamgyong, South Phyongan (the span the
    # Spanish words give, guidelines 1.1), so an appearance there has its place
    doc = Document.create(
        "kcna-ft",
        "2011-08-01",
        "Kim Jong Il dirige hospital popular de provincia de Hamgyong del Norte",
        "El Dirigente Kim Jong Il dirigio el Hospital Popular de la provincia de Phyong-an del Sur.",
        None,
        "es",
        None,
    )
    facts = Pipeline()(doc)
    got = [(m.text, m.entity) for m in facts["mention"] if m.label == "PLACE"]
    assert ("provincia de Hamgyong del Norte", "north-hamgyong") in got
    assert ("provincia de Phyong-an del Sur", "south-phyongan") in got
    assert [e.place for e in facts["event"] if e.type == "appearance"][:1] == ["north-hamgyong"]


def test_spanish_names_of_pyongyang_sites_resolve_to_the_gazetteer():
    # "Palacio de los Congresos Mansudae", "Palacio del Sol de Kumsusan", "Plaza Kim Il Sung": the Spanish
    # service's names of sites the DPRK pack lists
    found = _mentions(
        "Reunion",
        "La reunion tuvo lugar en el Palacio de los Congresos Mansudae. , , Visitaron el Palacio del Sol de "
        "Kumsusan y la Plaza Kim Il Sung.",
        "2012-05-03",
        "es",
    )
    got = {m.text: m.entity for m in found if m.label == "PLACE"}
    assert got.get("Palacio de los Congresos Mansudae") == "mansudae-assembly-hall"
    assert got.get("Palacio del Sol de Kumsusan") == "kumsusan-palace-of-the-sun"
    assert got.get("Plaza Kim Il Sung") == "kim-il-sung-square"


def test_the_paper_whose_finding_it_reports_and_a_body_opening_with_all_and_a_country():
    # "An opinion poll by the Mainichi Shimbun daily has found that ..., the paper reported": the one paper
    # named as the finding's agent in its own words, not the agency's own voice
    got = _speakers(
        "54% Japanese Oppose Consumption Tax Hike",
        "An opinion poll by the Mainichi Shimbun daily has found that 54 percent of respondents are opposed "
        "to the plan, the paper reported Monday.",
        "2011-12-08",
    )
    assert [(g[1], g[2]) for g in got] == [("named", "Mainichi Shimbun")]
    # "They included the All India Indo-Korean Friendship Association, ...": "All" and a country open the
    # body's name, so the joint statement's first signer is found
    got = _speakers(
        "Launch Supported",
        "Foreign organizations released a joint statement on March 27 in support of the launch., They "
        "included the All India Indo-Korean Friendship Association, the All India Agricultural Workers' "
        "Union and the All India Federation of Lawyers., , The statement said that it is a legitimate right.",
        "2012-04-02",
    )
    assert [g[2] for g in got] == ["All India Indo-Korean Friendship Association"]


def test_a_news_word_opening_a_mediums_name_is_no_description():
    # "The Chinese News Service said:": "News" opens the medium's name before its kind "Service", so the
    # name is not cut to "Service" as "Russian internet news Balt Info" is to "Balt Info"
    got = _speakers(
        "Speech",
        "The Chinese News Service said:, ,  Kim Jong Un in his speech noted that the unity of the army and "
        "the people is firm.",
        "2012-08-27",
    )
    assert got[0][2] == "Chinese News Service"


def test_an_acronym_no_pack_knows_speaks_first_of_coordinated_media():
    # "according to CBS and KBS of south Korea": the first of coordinated speakers speaks (guidelines 2.2),
    # though only the second is a name the packs know
    got = _speakers(
        "Court",
        "The Seoul High Court put on trial members of the Council on Thursday, according to CBS and KBS of "
        "south Korea.",
        "2011-09-24",
    )
    assert [(g[1], g[2]) for g in got] == [("named", "CBS")]


def test_a_name_and_its_appositive_before_when_or_how_it_spoke():
    # "Al Baath, the organ of ..., on Oct. 9 said", "The former head of the IAEA, Mohammad El Baradei, in an
    # interview ... warned": the phrase of when or how is no speaker; the name set off before it is
    got = _speakers(
        "Exploits Introduced",
        "Al Baath, the organ of Syria’s Baath Arab Socialist Party, on Oct. 9 said in an article that the "
        "WPK "
        "enjoys full support from the people., ,  Rodong Sinmun, the organ of the WPK Central Committee, on "
        "Monday said that the party is strong.",
        "2012-10-20",
    )
    assert [(g[1], g[2]) for g in got] == [("named", "Al Baath"), ("self", "Rodong Sinmun")]
    got = _speakers(
        "Attack Is Crazy",
        "The former head of the International Atomic Energy Agency (IAEA), Mohammad El Baradei, in an "
        "interview "
        "with a news agency on March 27 warned the regime against attacking Iran, saying such a move would "
        "be "
        "totally crazy.",
        "2012-04-02",
    )
    assert {g[2] for g in got} == {"Mohammad El Baradei"}


def test_said_the_radio_closing_a_sentence():
    # "..., said the radio.": a broadcaster's noun after an inverted cue, the broadcaster named before
    got = _speakers(
        "Radio Calls for Apology",
        "Making apology is the first step, said KBS of south Korea on Thursday., ,  The United States and "
        "other "
        "countries adopted resolutions demanding Japan make apology and reparation, said the radio.",
        "2012-08-18",
    )
    assert [(g[0], g[2]) for g in got] == [("KBS of south Korea", "KBS"), ("radio", "KBS")]


def test_a_short_name_in_brackets_is_no_partys_tendency():
    # "Teachers Union of south Korea (Jongyojo)": the union's short name is no part of its name, as
    # "(Maoist)" is of "Unified Communist Party of Nepal (Maoist)"
    got = _org_mentions(
        "Statement",
        "The Teachers Union of south Korea (Jongyojo) issued a statement., ,  The Unified Communist Party of "
        "Nepal (Maoist) said it is strong.",
        "2011-11-19",
    )
    assert ("Teachers Union of south Korea", None) in got
    assert ("Unified Communist Party of Nepal (Maoist)", None) in got


def test_a_name_before_in_his_speech_is_a_persons():
    # "Chairman of the group Kanga Ngerien Jerom in a lecture noted": the three words are the chairman's name
    # (a place of speaking after it, as a verb of speech), and "the chairman said" is his
    got = _speakers(
        "Lecture Given",
        "A lecture was given by the Group for the Study of Juche Idea of Democratic Congo.,  Chairman of the "
        "group Kanga Ngerien Jerom in a lecture noted that the KNA was formed., ,  He nurtured the noble "
        "aim, "
        "the chairman said.",
        "2012-03-29",
    )
    assert [g[2] for g in got] == ["Kanga Ngerien Jerom", "Kanga Ngerien Jerom"]


def test_a_name_the_headline_runs_into_starts_at_the_bodys_subject():
    # "... Reunification Urged\n\nThe South Headquarters of ... (Pomminryon) issued a statement": the run of
    # capitals crossing the headline's end is cut to the body's subject after "The" (its start moves, not
    # only its end), and the statement is that body's
    title = "Dynamic Movement for Korea's Reunification Urged"
    body = (
        "The South Headquarters of the Pan-national Alliance for Korea's Reunification (Pomminryon) issued a "
        "statement on Feb. 25.,  The movement has advanced since its formation, the statement said."
    )
    got = [m.text for m in _mentions(title, body, "2011-02-28")]
    assert "South Headquarters of the Pan-national Alliance for Korea's Reunification" in got
    assert not any("\n" in t for t in got)
    assert [g[2] for g in _speakers(title, body, "2011-02-28")] == [
        "South Headquarters of the Pan-national Alliance for Korea's Reunification"
    ]


def test_a_named_commentator_and_a_contributed_travelogue_speak_for_their_writing():
    # 'an article ... contributed by a commentator Im Pom': the writer named after his role speaks, not the
    # paper (an unnamed "military commentator" is the paper's own voice); "X contributed his travelogue to
    # ... The travelogue says": its writer
    got = _speakers(
        "Let's Go to Eat",
        "The south Korean newspaper Hangyore August 6 carried an article titled \"Let's Go to Eat Pyongyang "
        'Cold Noodle" contributed by a commentator Im Pom., , The article says:, , Not many restaurants '
        "serve "
        "Pyongyang cold noodle dishes.",
        "2011-09-17",
    )
    assert [(g[1], g[2]) for g in got] == [("named", "Im Pom")]
    got = _speakers(
        "Travelogue",
        'Om Ju Hyon, an official of the organization called "Dialogue", contributed his Pyongyang travelogue '
        "to the Internet newspaper Thongil News on Monday., , The travelogue says:, , Visiting Pyongyang "
        "again "
        "after 16 months, I saw the city full of life.",
        "2011-09-29",
    )
    assert [(g[1], g[2]) for g in got] == [("named", "Om Ju Hyon")]


def test_a_write_up_is_the_article_and_nationalities_are_no_name():
    # "The Guinean Media Association carried ... a special write-up ... The article noted": the body that
    # carried it, not "Guinean and British" of "Guinean and British organizations posted articles"
    got = _speakers(
        "Songun Leadership",
        "Guinean and British organizations posted articles on internet on Aug. 22., , The Guinean Media "
        'Association carried his photos and a special write-up titled "Kim Jong Il, 51 years"., , The '
        "article "
        "noted that the Songun leadership is the fundamental factor.",
        "2011-08-29",
    )
    assert [g[2] for g in got] == ["Guinean Media Association"]


def test_the_spanish_ambassador_by_nationality_after_his_office_of_a_republic_in_a_country():
    # "el embajador de la Republica de Cuba en Corea, German Hermin Ferras Alvarez, ... El embajador cubano
    # dijo": the ambassador named with that office (its "en Corea" no longer hides the title)
    got = _speakers(
        "Embajador cubano ofrece banquete",
        "Con motivo del dia de nacimiento del Dirigente Kim Jong Il, el embajador de la Republica de Cuba en "
        "Corea, German Hermin Ferras Alvarez, ofrecio el dia 20 un banquete.,  A la recepcion fueron "
        "invitados "
        "el canciller coreano Pak Ui Chun y otros funcionarios., ,  El embajador cubano dijo en la ocasion "
        "que "
        "los revolucionarios del mundo no olvidaran nunca al Dirigente.",
        "2012-02-20",
        lang="es",
    )
    assert [g[2] for g in got] == ["German Hermin Ferras Alvarez"]


def test_an_acronym_with_a_hyphenated_word_spelled_out_in_the_story():
    # "...: AAPSO" over "The Afro-Asian People's Solidarity Organization (AAPSO) ... said": the name the
    # acronym stands for, each part of "Afro-Asian" giving a letter
    got = _speakers(
        "Shaking Citadel of Capitalism: AAPSO",
        "The Afro-Asian People's Solidarity Organization (AAPSO) in a statement on Nov. 23 said that the "
        "citadel of capitalism is shaking.",
        "2011-11-27",
    )
    assert {g[2] for g in got} == {"Afro-Asian People's Solidarity Organization"}


def test_spanish_according_to_a_report_and_a_conditional_verb_and_un_agencies():
    # "De acuerdo con el informe, si prosigue el ritmo actual, ...": the report of the UN Environment
    # Programme (a pack body by its Spanish name, not the UN inside it); "si prosigue" (if it goes on) is no
    # speech; "De acuerdo con la propuesta ..." (in accordance with) is no attribution
    got = _speakers(
        "Medio ambiente",
        "El Programa de las Naciones Unidas para el Medio Ambiente advirtio en su reciente informe que "
        "sufre el "
        "deterioro casi dos tercios del ecosistema de la Tierra. , ,  De acuerdo con el informe, si "
        "prosigue el "
        "ritmo actual de la reduccion de los recursos, seran extinguidos el 25 por ciento de ellos hasta "
        "2055. "
        ", ,  De acuerdo con la propuesta presentada en la declaracion conjunta, se celebraran "
        "conversaciones.",
        "2012-05-25",
        lang="es",
    )
    assert [(g[0], g[2]) for g in got] == [
        ("Programa de las Naciones Unidas para el Medio Ambiente", "United Nations Environment Programme"),
        ("informe", "United Nations Environment Programme"),
    ]


def test_reports_of_a_paper_speak_for_it():
    # "According to reports of Asahi Shimbun", "Segun las versiones recientes de Asahi Shimbun": the paper
    for body, lang in (
        ("According to reports of Asahi Shimbun, the U.S. forced Japan to tolerate military actions.", "en"),
        (
            "Segun las versiones recientes de Asahi Shimbun, Estados Unidos obligo a Japon a tolerar las "
            "acciones.",
            "es",
        ),
    ):
        assert [g[2] for g in _speakers("Nuclear", body, "2011-05-24", lang)] == ["Asahi Shimbun"]


def test_a_bodys_homepage_opening_a_paragraph_ends_the_last_sources_words():
    # 'La Juventud ... an article ..., which said:, , ... An Internet homepage of the Brazilian Communist
    # Party on May 27 carried an article': a new source's paragraph, not La Juventud's words
    got = _quote_fields(
        "Reunification Supported",
        'The Uruguayan paper La Juventud on May 29 carried an article titled "June 15", which said:, ,  '
        "For the "
        "Korean nation reunification is independence. , ,  An Internet homepage of the Brazilian Communist "
        "Party "
        "on May 27 carried an article praising the feats of Kim Jong Il.",
        "2011-06-06",
        ("text",),
    )
    assert not any("Brazilian" in t for t in got)


def test_a_partys_faction_in_brackets_stays_and_a_short_name_does_not():
    got = _org_mentions(
        "Statements",
        "The Syrian Communist Party (Unified) issued a statement., ,  The Palestine National Liberation "
        "Movement (Fatah) said so., ,  The Supreme Council of the National Socialist Party (Romania) met.",
        "2011-06-01",
    )
    names = [g[0] for g in got]
    assert "Syrian Communist Party (Unified)" in names
    assert "Palestine National Liberation Movement" in names and "Fatah" in names
    assert "Supreme Council of the National Socialist Party" in names


def test_an_arabic_article_written_apart_and_its_short_form():
    # '"...," said Ghassan al- Khatib, ... "...," Al-Khatib said': one person, the article joined to his name
    got = _speakers(
        "PNA Censures Israeli Army",
        'The Palestinian National Authority (PNA) on Saturday condemned the video., , "We strongly '
        "condemn what "
        'came in the video," said Ghassan al- Khatib, spokesman for the Palestinian government. , , "This '
        'expresses a daily routine of insults," Al-Khatib said.',
        "2011-12-07",
    )
    assert [g[2] for g in got] == ["Ghassan al-Khatib", "Ghassan al-Khatib"]


def test_a_known_person_after_spanish_titles_and_a_demonstrative_noun():
    # "El Maximo Dirigente Kim Jong Un envio un mensaje ... subraya la misiva": the sender the packs know,
    # whatever titles precede his name; "This song stresses": the song (no name)
    got = _quote_fields(
        "Mensaje",
        "El Maximo Dirigente Kim Jong Un envio el dia 20 un mensaje de felicitacion a los "
        "participantes de la "
        "conferencia de la Chongryon., , Los funcionarios de la Chongryon hacen grandes esfuerzos por "
        "defender "
        "la dignidad de la nacion, subraya la misiva y continua:, , Aunque se cambia la generacion, la "
        "Chongryon exalta su orgullo.",
        "2012-07-20",
        ("speaker_kind", "speaker_entity"),
        lang="es",
    )
    assert got == [("named", "kim-jong-un"), ("named", "kim-jong-un")]
    got = _speakers(
        "Song", "This song stresses that the country liberated by the President is precious.", "2012-03-08"
    )
    assert [(g[0], g[1]) for g in got] == [("song", "anonymous")]


def test_headline_speakers_that_describe_people():
    # "...: S. Korean Inhabitant", "...: Nepali Political Party Leaders": a nationality and a description,
    # anonymous when the story names nobody so
    for title in (
        "Salvage of Warship Deliberately Delayed: S. Korean Inhabitant",
        "Korean People Will Accomplish Revolutionary Cause of Juche: Nepali Political Party Leaders",
    ):
        assert [g[1] for g in _speakers(title, "", "2012-01-14")] == ["anonymous"]


def test_he_after_an_articles_words_is_the_person_they_name():
    # '... the article noted, adding:, , The dear respected Kim Jong Un has carried forward the cause., , He
    # declared that ...': "he" right after a document's words is the person those words name
    got = _quote_fields(
        "Foreign Media",
        "The German paper Rote Fahne said in an article that Kim Il Sung is the founder of socialist "
        "Korea., ,  "
        "After the President passed away, Kim Jong Il defended socialist Korea, the article noted, "
        "adding:, ,  "
        "The dear respected Kim Jong Un has successfully carried forward the cause of Kim Il Sung., ,  He "
        "declared that he would carry to completion the revolutionary cause of Juche.",
        "2012-07-22",
        ("cue", "speaker_entity"),
    )
    assert ("declared", "kim-jong-un") in got


def test_an_age_set_off_after_a_name_is_no_speaker():
    # "..., Kim Il Sung Socialist Youth League, Kan Ok Ryon, 26, said:": the name before the age; not a
    # body's name before an age that follows an appositive ("... Academy of Social Sciences, 36, said")
    got = _speakers(
        "Youths",
        "An instructor of the C.C., Kim Il Sung Socialist Youth League, Kan Ok Ryon, 26, said:, , Under the "
        "leadership of Kim Jong Un we will take over the baton.",
        "2011-12-20",
    )
    assert [g[2] for g in got] == ["Kan Ok Ryon"]
    got = _speakers(
        "Paper Fatigues",
        "Jong Song Ho, room chief of the Folklore Institute of the Academy of Social Sciences, 36, said that "
        "Korean fighters donned fatigues made of paper.",
        "2011-02-07",
    )
    assert [g[2] for g in got] == ["Jong Song Ho"]


def test_a_ministry_listing_its_fields_after_an_inverted_cue():
    # "..., the Ministry of Education, Culture, Sports, Science and Technology reported": the whole name
    got = _speakers(
        "Curium Detected",
        "In another development, curium was found., , Curium was detected in Okuma cho located three "
        "kilometers from the plant, the Ministry of Education, Culture, Sports, Science and Technology "
        "reported.",
        "2011-06-14",
    )
    assert [g[2] for g in got] == ["Ministry of Education, Culture, Sports, Science and Technology"]


def test_the_paper_after_an_unnamed_one_is_that_one():
    # "A Malaysian newspaper said ... the paper said": the unnamed paper, not Xinhua named before it
    got = _speakers(
        "Film Studio",
        "Xinhua News said the DPRK is strong., , A Malaysian newspaper said under the title of "
        '"Do not allow" that the DPRK is a mysterious country., , Even though it fought a war, it was '
        "rehabilitated very quickly, the paper said.",
        "2012-10-04",
    )
    assert [g[1] for g in got] == ["named", "anonymous", "anonymous"]


def test_the_paper_is_not_a_place_before_its_noun_or_the_object_of_its_verb():
    # "..., the first revolutionary vanguard organization of a new type in Korea, the paper introduced the
    # action programme of the DIU ... The paper said": Charcha, named before; neither Korea (a place before
    # ", the paper") nor the DIU (the object of what the paper did); the leading "Noting that ..." clause
    # ends before "the paper introduced", not at "the first revolutionary"
    got = _speakers(
        "Anniversary of DIU Marked in Nepal",
        "The Nepalese newspaper Charcha on Sept. 26 carried a special write-up., ,  Noting that the "
        "President formed the DIU, the first revolutionary vanguard organization of a new type in Korea, "
        "the paper introduced the action programme of the DIU which clarified the duty of the revolution., "
        ",  The paper said that the Korean revolution started from the DIU.",
        "2011-10-02",
    )
    assert [g[2] for g in got] == ["Charcha", "Charcha"]


def test_a_name_before_an_age_set_off_by_commas_is_a_persons():
    names = [
        (m.text, m.label)
        for m in _mentions(
            "Youths", "The farmer Thak Hwa Suk, 56, said that the harvest is good.", "2011-12-20"
        )
    ]
    assert ("Thak Hwa Suk", "PERSON") in names


def test_they_after_people_listed_with_their_titles_is_the_first_of_them():
    # "Veteran ... champion Kang Sun Jong, Chairman of ... Ri Kyu Jae, ... and Co-representative of ... Son
    # Mi Hui expressed ... they said": people listed before the verb speak as the first (guidelines 2.2);
    # not names in a work's title in quotation marks
    got = _speakers(
        "Call for Mourning",
        "Veteran pro-reunification champion Kang Sun Jong, Chairman of the South Headquarters of the "
        "Pan-national Alliance for Korea's Reunification Ri Kyu Jae, Permanent co-representative of the "
        "Solidarity for Progress Ri Kang Sil and Co-representative of the Women's Solidarity of south Korea "
        "Son Mi Hui expressed deep condolences., , They conveyed the profound condolences to the "
        "compatriots., , Mourning the demise is an obligation, they said.",
        "2011-12-21",
    )
    assert [g[2] for g in got] == ["Kang Sun Jong"]


def test_an_office_of_a_described_body_and_the_bare_office_after_it_are_its_unnamed_holder():
    # "the chairman of the war veterans committee" (a definite body the text describes in lower case) and
    # "The general director" after "the general director of the Radio Broadcasting of France" (the same
    # office given before with its body) are named, their holder unnamed (guidelines 2.3); an indefinite
    # body stays anonymous
    got = _speakers(
        "Medal Conferred",
        "A ceremony took place in Nakhodka on July 30., ,  The chairman of the war veterans committee "
        "said that the medal reflects the humble wishes of the Russian war veterans. He added that it also "
        "reflects the best wishes of the Russian people., ,  The general director of a company said that "
        "the friendship will grow.",
        "2012-08-03",
    )
    assert [g[1] for g in got] == ["named", "named", "anonymous"]
    got = _speakers(
        "Unhasu Orchestra Stays in Paris",
        "The Unhasu Orchestra on a visit to France Tuesday paid a courtesy call on the general director of "
        "the Radio Broadcasting of France.,  Present there were leading members of the Orchestra., ,  The "
        "general director welcomed the Orchestra's visit to France, saying that a joint performance would "
        "be of significance.",
        "2012-03-15",
    )
    assert got == [("general director", "named", None)]


def test_a_name_listing_its_fields_after_a_comma_is_one_organisation_and_speaks_whole():
    # "Ministry of Education, Culture, Sports, Science and Technology", "People's Front of Workers, Peasants
    # and Students of Peru": the fields a name lists are part of it (its mention and the speaker, in a clause
    # before the verb, after an inverted cue and after "according to"); the words before its comma are no
    # quote of the fields after it; a list of bodies or a second name after ", and" stays apart
    orgs = _org_mentions(
        "Radiation Detected",
        "Cesium was detected in the soil, the Ministry of Education, Culture, Sports, Science and Technology "
        "reported. The Ministry of Public Health, GAVI, WHO and UNICEF held talks. The Academy of Social "
        "Science, and Dr Kim met.",
        "2011-06-14",
    )
    assert "Ministry of Education, Culture, Sports, Science and Technology" in [o[0] for o in orgs]
    assert "Ministry of Public Health" in [o[0] for o in orgs]
    assert "Academy of Social Science" in [o[0] for o in orgs]
    got = _speakers(
        "Statement",
        "Peace must be ensured on the peninsula, said the Ministry of Land, Infrastructure and Transport in "
        "a statement on May 3., ,  According to the Ministry of Health, Labour and Welfare, the number of "
        "the unemployed rose sharply., ,  People's Front of Workers, Peasants and Students of Peru issued a "
        "statement on May 3. The statement said that the DPRK is strong.",
        "2012-05-04",
    )
    assert [g[2] for g in got] == [
        "Ministry of Land, Infrastructure and Transport",
        "Ministry of Health, Labour and Welfare",
        "People's Front of Workers, Peasants and Students of Peru",
    ]


def test_a_name_goes_on_over_a_title_in_quotation_marks_after_its_preposition():
    # 'Sinhala Committee for Supporting the "Day of the Sun"', 'Association of Victims of the "Security Law"',
    # 'Citizens' Coalition against the "Cheonan" Fabrication': the title in marks (and the capitalised words
    # after it) is part of the name; not a topic after "on", not past a sentence's end
    orgs = [
        o[0]
        for o in _org_mentions(
            "Support Voiced",
            "The U.S. must withdraw, said the Sinhala Committee for Supporting the "
            '"Day of the Sun" on May 3. The Association of Victims of the "Security Law" issued a statement. '
            'It was signed by the Citizens\' Coalition against the "Cheonan" Fabrication. A spokesman for '
            'the Maritime Administration on "Oil Tanker Incident" spoke. It is the Nakhodka Regional '
            'Committee of "A Just Russia." They met.',
            "2011-06-14",
        )
    ]
    assert 'Sinhala Committee for Supporting the "Day of the Sun"' in orgs
    assert 'Association of Victims of the "Security Law"' in orgs
    assert 'Citizens\' Coalition against the "Cheonan" Fabrication' in orgs
    assert "Maritime Administration" in orgs
    assert not any(o.endswith("They") for o in orgs)


def test_a_long_name_after_a_preposition_mid_sentence_is_one_organisation():
    # "Support was expressed by the Solidarity for Peace and Reunification of Korea": a long name after a
    # preposition and "the", its head word a body's before "for", is one organisation ("The organization
    # said" then names it); not "Three Charters for ...", not a title's holder after the body, not a part of
    # a longer name ("Branch of the ..."), and a locative "in ..." at its end is left out (guidelines 1.2)
    got = _speakers(
        "Support Voiced",
        "Support was expressed by the Solidarity for Peace and Reunification of Korea on May 3., ,  The "
        "organization said that the U.S. must withdraw its troops.",
        "2012-05-04",
    )
    assert [g[2] for g in got] == ["Solidarity for Peace and Reunification of Korea"]
    orgs = [
        o[0]
        for o in _org_mentions(
            "Meetings Held",
            "A meeting was organized by the People for Achieving Peace and Reunification in Puchon, Kunsan "
            "and Taegu. They praised the Three Charters for National Reunification. A letter came from the "
            "Korean Committee for Cultural Relations with Foreign Countries Mun Jae Chol.",
            "2012-05-04",
        )
    ]
    assert "People for Achieving Peace and Reunification" in orgs
    assert not any(o.startswith("Three Charters") or o.endswith("Mun Jae Chol") for o in orgs)


def test_a_foreign_name_before_what_a_person_does_or_after_sent_by_is_a_person():
    # "Ranjith Perera made a speech ... He stressed", "A message sent by Ranjith Perera to Kim Jong Un said",
    # "At the talk Maurice Cukierman requested Kim Yong Il ... He said": a name no pack knows, none of its
    # words one the news writes in lower case, before what a person does (or after "sent by") is a person,
    # who then speaks; not a title's word ("headed by Yegorievsk Archbishop Mark")
    assert _speakers(
        "Meeting Held",
        "A meeting was held. Ranjith Perera made a speech at the meeting. He stressed that the DPRK is "
        "strong.",
        "2012-05-01",
    ) == [("He", "named", "Ranjith Perera")]
    assert [
        g[2]
        for g in _speakers(
            "Message",
            "A message sent by Ranjith Perera to Kim Jong Un said that the DPRK is strong.",
            "2012-05-01",
        )
    ] == ["Ranjith Perera"]
    assert [
        g[2]
        for g in _speakers(
            "Talk Held",
            "At the talk Maurice Cukierman requested Kim Yong Il to convey his greetings., ,  He said that "
            "the DPRK is strong.",
            "2012-10-12",
        )
    ] == ["Maurice Cukierman"]
    people = [
        m.text
        for m in _mentions("Delegation Arrives", "A delegation headed by Yegorievsk Archbishop Mark arrived.")
        if m.label == "PERSON"
    ]
    assert "Yegorievsk Archbishop" not in people


def test_a_closing_told_with_whom_it_told_attributes_the_words_before_it():
    # "..., Liu Xiaona told KCNA.", "..., an official told reporters on March 13.": the words before are
    # what was told; not '... told KCNA, "Snowfall makes me ..."' (the words come after)
    got = _speakers(
        "Memories",
        "She would never forget the happy day all her life, Liu Xiaona told KCNA., ,  The centre will be "
        "built soon, an official told reporters on March 13., ,  Ji Yong Song, a 70-year-old man living in "
        'Pothonggang District, Pyongyang told KCNA, "Snowfall makes me miss him so much."',
        "2012-04-23",
    )
    assert [g[2] for g in got] == ["Liu Xiaona", None, "Ji Yong Song"]


def test_the_organizations_after_bodies_coordinated_as_a_subject_are_the_first_of_them():
    # "The British Association for the Study of Songun Policy and the British Group for the Study of the Juche
    # idea expressed ... The organizations in a joint statement said": coordinated speakers speak as the
    # first (guidelines 2.2); "A message was sent by the X to Kim Jong Un. The message said": its sender
    got = _speakers(
        "Support Voiced",
        "The British Association for the Study of Songun Policy and the British Group for the Study of the "
        "Juche Idea expressed full support for the statement., The organizations in a joint statement on "
        "Feb. 25 said that the exercises are a test nuclear war.",
        "2012-03-02",
    )
    assert [g[1:] for g in got] == [("named", "British Association for the Study of Songun Policy")]
    got = _speakers(
        "Message",
        "A message was sent by the Nepal-Korea Friendship Society to Kim Jong Un., ,  The message said that "
        "the DPRK is strong.",
        "2012-05-01",
    )
    assert [g[2] for g in got] == ["Nepal-Korea Friendship Society"]


def test_an_office_after_a_nationality_of_two_words_is_its_unnamed_holder():
    # "The Sri Lankan President said": a nationality of two words ("Sri Lankan", "South African") and a
    # state's office one person holds, capitalised or not, is named with the holder unnamed (guidelines 2.3)
    for body in (
        "The Sri Lankan President said that the talks would resume.",
        "The Sri Lankan president said that the talks would resume.",
    ):
        assert [g[1:] for g in _speakers("Talks", body, "2012-05-01")] == [("named", None)]


def test_two_foreign_names_joined_before_what_people_do_are_two_people():
    # "Ranjith Perera and Kumar Silva spoke at the meeting. They said": two names no pack knows before what a
    # person does are two people (the first speaks for both, guidelines 2.2); "Ranjith Perera was elected
    # chairman ... he said": a person
    got = _speakers(
        "Talks",
        "Ranjith Perera and Kumar Silva spoke at the meeting., ,  They said that the talks would resume.",
        "2012-05-01",
    )
    assert [g[2] for g in got] == ["Ranjith Perera"]
    got = _speakers(
        "Talks",
        "Ranjith Perera was elected chairman of the society., ,  In his speech he said that the talks would "
        "resume.",
        "2012-05-01",
    )
    assert [g[2] for g in got] == ["Ranjith Perera"]


def test_a_body_named_with_a_possessive_speaks_without_it():
    # "The Sri Lanka Communist Party's report said": the party (its mention without the possessive), not
    # "Sri Lanka Communist Party's"
    got = _speakers(
        "Talks", "The Sri Lanka Communist Party's report said that the talks would resume.", "2012-05-01"
    )
    assert [g[2] for g in got] == ["Sri Lanka Communist Party"]
    orgs = [
        o[0] for o in _org_mentions("Talks", "The Nepal Communist Party's delegation arrived.", "2012-05-01")
    ]
    assert orgs == ["Nepal Communist Party"]


def test_a_foreign_paper_described_without_its_name_is_not_the_agency_speaking():
    # "...: Russian Magazine", "The Chinese Jilin Paper on July 5 said", "the Sri Lankan daily said" with no
    # paper named before: a foreign medium (anonymous, or named by the name before its kind), not KCNA's own
    # voice; "the paper said" in the agency's own story stays its own
    assert [
        g[1] for g in _speakers("Kim Il Sung's Feats Will Last Forever: Russian Magazine", "", "2012-09-01")
    ] == ["anonymous"]
    got = _speakers("Talks", "The U.S. is to blame for the tension, the Sri Lankan daily said.", "2012-05-01")
    assert [g[1] for g in got] == ["anonymous"]


def test_the_guest_is_the_person_received_and_given_names_join_a_known_surname():
    # "Kim Jong Un received Ranjith Perera ... The guest said": the person received (a name no pack knows
    # after "received" is a person); "Sri Lankan MP Ranjith Perera": "MP" is a title; "Dmitri Anatoliyevich
    # Medvedev": given names before a known surname are one mention of that person
    got = _speakers(
        "Talks",
        "Kim Jong Un received Ranjith Perera., ,  The guest said that the talks would resume.",
        "2012-05-01",
    )
    assert [g[1:] for g in got] == [("named", "Ranjith Perera")]
    got = _speakers(
        "Talks", "Sri Lankan MP Ranjith Perera stressed that the talks would resume.", "2012-05-01"
    )
    assert [g[2] for g in got] == ["Ranjith Perera"]
    people = [
        (m.text, m.entity)
        for m in _mentions(
            "Talks", "Kim Yong Nam met Dmitri Anatoliyevich Medvedev and V.V. Putin on Monday."
        )
        if m.label == "PERSON"
    ]
    assert ("Dmitri Anatoliyevich Medvedev", "dmitry-medvedev") in people


def test_a_long_subject_name_with_its_alias_in_brackets_or_before_a_second_body_is_one_organisation():
    # "The Korea Solidarity for Independent Reunification and Democracy of south Korea (Hanchongryon) issued":
    # an alias in brackets between the name and its verb; "The Committee for Measures against the Spy Ring
    # Case and the Association for ... held": the first of two bodies joined by "and the" is one name; not a
    # name's own "and" ("Congo-Korea Friendship and Solidarity Association") nor one inside quotation marks
    orgs = [
        o[0]
        for o in _org_mentions(
            "Talks",
            "The Korea Solidarity for Independent Reunification and Democracy of south Korea (Hanchongryon) "
            "issued a statement on May 3., ,  The Committee for Measures against the Spy Ring Case and the "
            'Association for Emergency Measures against the "National Security Law" in south Korea issued a '
            "joint statement on August 25.",
            "2012-05-01",
        )
    ]
    assert "Korea Solidarity for Independent Reunification and Democracy" in orgs
    assert "Committee for Measures against the Spy Ring Case" in orgs
    got = _speakers(
        "Talks",
        "The Korea Solidarity for Independent Reunification and Democracy of south Korea (Hanchongryon) "
        "issued a statement on May 3. It said that the talks would resume.",
        "2012-05-01",
    )
    assert [g[2] for g in got] == [
        "Korea Solidarity for Independent Reunification and Democracy of south Korea"
    ]


def test_a_role_after_an_opening_phrase_is_the_subject_a_pronoun_takes():
    # "At the talk the international secretary requested Kim Yong Il ... He said", "In the message the
    # president extended ... He expressed": the role the story gave a person before, the sentence's subject,
    # is the "he" (not the last person named, its object)
    got = _speakers(
        "Talk Held",
        "Kim Yong Il met Maurice Cukierman, international secretary of the French Revolutionary Communist "
        "League, who paid a courtesy call on Friday. At the talk the international secretary requested Kim "
        "Yong Il to convey his greetings to Kim Jong Un., ,  He said he deemed it an honor to enjoy the "
        "concert.",
        "2012-10-12",
    )
    assert [g[2] for g in got] == ["Maurice Cukierman"]


def test_a_foreign_name_before_a_spanish_verb_of_a_person_is_a_person():
    # "Ranjith Perera visito el pais. Dijo que ...", "En la ocasion, Thongsing Thammavong dijo que": a name no
    # pack knows before a Spanish verb of what a person does or says is a person, who speaks
    got = _speakers(
        "Conversaciones",
        "Ranjith Perera visito el pais., ,  Dijo que las conversaciones se reanudaran.",
        "2012-05-01",
        lang="es",
    )
    assert [g[2] for g in got] == ["Ranjith Perera"]


def test_a_foreign_name_of_the_body_before_what_a_person_does_is_a_person_and_the_body():
    # "Ranjith Perera of the Korean Friendship Association said": the person speaks, the body is a mention of
    # its own (not one body named "Ranjith Perera of the ...")
    got = _speakers(
        "Talks",
        "Ranjith Perera of the Korean Friendship Association said that the talks would resume.",
        "2012-05-01",
    )
    assert [g[2] for g in got] == ["Ranjith Perera"]


def test_a_body_name_ending_in_a_place_stops_before_its_office_holders_name():
    # "The secretary of the Communist Party of Sri Lanka Ranjith Perera said", "Academia de Ciencias Sociales
    # de China Piao Jianyi": a place ends the body's name; the personal name after it (no pack knows it) is a
    # person of its own, who speaks
    got = _speakers(
        "Talks",
        "The secretary of the Communist Party of Sri Lanka Ranjith Perera said that the talks would resume.",
        "2012-05-01",
    )
    assert [g[2] for g in got] == ["Ranjith Perera"]
    orgs = [
        o[0]
        for o in _org_mentions(
            "Talks",
            "Ranjith Perera met the head of the Communist Party of Sri Lanka Kumar Silva.",
            "2012-05-01",
        )
    ]
    assert "Communist Party of Sri Lanka" in orgs


def test_a_spanish_long_subject_name_is_one_organisation_and_la_asociacion_is_it():
    # "La Asociacion de Amistad y Solidaridad con el Pueblo Coreano de Peru emitio una declaracion ... La
    # asociacion senalo": the words from the article to what a body does are one name (an organisation head
    # first, "de", "para" or "con" among them); "la asociacion" is the body named before
    body = (
        "La Asociacion de Amistad y Solidaridad con el Pueblo Coreano de Peru emitio una declaracion., ,  La "
        "asociacion senalo que las conversaciones se reanudaran."
    )
    got = _speakers("Conversaciones", body, "2012-05-01", lang="es")
    assert [g[2] for g in got] == ["Asociacion de Amistad y Solidaridad con el Pueblo Coreano de Peru"]
